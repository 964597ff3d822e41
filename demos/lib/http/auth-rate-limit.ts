import 'server-only'
import { clientAddress } from './client-address'
import { problem } from './problem'
import { RedisUnavailableError } from '@/demos/lib/redis/redis-unavailable'
import { createRateLimit, type RateLimit } from './rate-limit'
import { sharedStoreUnavailable } from './shared-store-unavailable'

// Generous by default: the whole browser suite signs in from 127.0.0.1 many
// times a minute. A load test raises it (BFF_AUTH_RATE_LIMIT); a public
// deployment may lower it. The API's own per-account lockout is what stops
// password guessing against one account; this caps what one address may cost.
export const AUTH_RATE_LIMIT_DEFAULTS = { limit: 300, windowSeconds: 60 } as const
const limit = positive(process.env.BFF_AUTH_RATE_LIMIT, AUTH_RATE_LIMIT_DEFAULTS.limit)
const windowSeconds = positive(process.env.BFF_AUTH_RATE_WINDOW_SECONDS, AUTH_RATE_LIMIT_DEFAULTS.windowSeconds)

// On globalThis so a development reload does not reset the counters. Made on
// first use, when REDIS_URL says whether they are this process's or shared.
const store = globalThis as typeof globalThis & { bffAuthRateLimit?: RateLimit }
const authLimit = () => (store.bffAuthRateLimit ??= createRateLimit({ name: 'auth', limit, windowSeconds, maxKeys: 10_000 }))

// #region auth-rate-limit
/**
 * The BFF's sign-in, register and refresh routes, counted per client address
 * before any other work. Returns the 429 to send, or null to go on. The address
 * is the last X-Forwarded-For entry (see client-address.ts): trustworthy only
 * behind a reverse proxy that writes it (bare `next start` keeps a client's
 * own, so behind nothing a client chooses its key). With REDIS_URL set every
 * instance counts into the same window; if Redis cannot be asked, the answer
 * is 503, never an uncounted request.
 */
export async function rejectOverAuthRateLimit(request: Request, limiter: RateLimit = authLimit()): Promise<Response | null> {
  let wait: number
  try {
    wait = await limiter.take(clientAddress(request) ?? 'unknown')
  } catch (error) {
    if (error instanceof RedisUnavailableError) return sharedStoreUnavailable()
    throw error
  }
  if (wait === 0) return null
  return problem(
    { status: 429, title: 'Too many requests', detail: `Too many sign-in requests from your address. Try again in ${wait} seconds.` },
    { 'Retry-After': String(wait) },
  )
}
// #endregion auth-rate-limit

function positive(value: string | undefined, fallback: number) {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : fallback
}
