import 'server-only'
import { clientAddress } from '@/demos/lib/http/client-address'
import { problem } from '@/demos/lib/http/problem'
import { createRateLimit, type RateLimit } from '@/demos/lib/http/rate-limit'
import { sharedStoreUnavailable } from '@/demos/lib/http/shared-store-unavailable'
import { RedisUnavailableError } from '@/demos/lib/redis/redis-unavailable'

// Each lab run costs a few server-side requests: 30 a minute per address is plenty for a reader.
// Counted across instances when REDIS_URL is set, like the BFF's own limits.
const store = globalThis as typeof globalThis & { labRateLimit?: RateLimit }
const labLimit = () => (store.labRateLimit ??= createRateLimit({ name: 'lab', limit: 30, windowSeconds: 60, maxKeys: 10_000 }))

export async function rejectOverLabRateLimit(request: Request): Promise<Response | null> {
  let wait: number
  try {
    wait = await labLimit().take(clientAddress(request) ?? 'unknown')
  } catch (error) {
    if (error instanceof RedisUnavailableError) return sharedStoreUnavailable()
    throw error
  }
  if (wait === 0) return null
  return problem({ status: 429, title: 'Too many lab runs', detail: `Try again in ${wait} seconds.` }, { 'Retry-After': String(wait) })
}
