import 'server-only'
import { createHash } from 'node:crypto'
import { API_TIMEOUT_MS } from '@/demos/lib/http/api-config'
import type { BffRedis } from '@/demos/lib/redis/connect-redis'
import { getBffRedis } from '@/demos/lib/redis/get-bff-redis'
import type { RefreshOutcome } from './refresh-at-api'
import { createRedisRefreshFlight, type RefreshFlightTiming } from './redis-refresh-flight'

export type RefreshOnce = (refreshToken: string, refresh: () => Promise<RefreshOutcome>) => Promise<RefreshOutcome>

// Lock: longer than the API call may take. Result: well inside the API's
// 10-second overlap window (both APIs' default), so a successor read from the
// store is one the API would still hand to a replay of the old token.
export const REFRESH_FLIGHT_TIMING: RefreshFlightTiming = { lockMs: API_TIMEOUT_MS + 2000, resultMs: 5000, maxPollMs: 100 }

// #region refresh-once
/**
 * One refresh per refresh token, however many requests carry it at once: a
 * navigation and its prefetches, on this instance or on another. Without it
 * each would rotate the token, and only the API's overlap window would keep
 * the losers signed in. `refresh` is the call to make (refreshAtApi).
 */
export function createRefreshOnce({ redis, timing = REFRESH_FLIGHT_TIMING }: { redis: BffRedis | null; timing?: RefreshFlightTiming }): RefreshOnce {
  const inFlight = new Map<string, Promise<RefreshOutcome>>()
  const acrossInstances = redis ? createRedisRefreshFlight(redis, timing) : null

  return function refreshOnce(refreshToken, refresh) {
    // 1. The token's hash names the flight: the token itself is never a key.
    const key = createHash('sha256').update(refreshToken).digest('base64url')
    // 2. In this process, every caller with that token shares one promise.
    let flight = inFlight.get(key)
    if (!flight) {
      // 3. to 7. Across instances, a lock in Redis (redis-refresh-flight.ts).
      flight = (acrossInstances ? acrossInstances.run(key, refreshToken, refresh) : refresh()).finally(() => inFlight.delete(key))
      inFlight.set(key, flight)
    }
    return flight
  }
}
// #endregion refresh-once

// One per process, on globalThis (proxy.ts and the route are bundled apart),
// and made again only if the Redis connection it uses changed (a test's).
const globalKey = Symbol.for('bff-jwt-reference.refresh-once')
type GlobalWithFlight = typeof globalThis & { [globalKey]?: { redis: BffRedis | null; once: RefreshOnce } }

/** The BFF's refreshOnce: in this process only, or across instances when REDIS_URL is set. */
export const refreshOnce: RefreshOnce = (refreshToken, refresh) => {
  const redis = getBffRedis()
  const global = globalThis as GlobalWithFlight
  let held = global[globalKey]
  if (held?.redis !== redis) held = global[globalKey] = { redis, once: createRefreshOnce({ redis }) }
  return held.once(refreshToken, refresh)
}
