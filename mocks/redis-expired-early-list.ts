import type { ExpiredEarlyList } from './access-tokens'
import type { Clock } from './clock'
import type { MockRedis } from './redis-client'

/**
 * The demo's "expired early" access tokens in Redis (REDIS_URL), so a token
 * expired on one instance is refused by all: `jti-expired:<jti>` holds when,
 * and expires when the token would have expired anyway. Bounded by the tokens
 * issued in one access-token lifetime, as the memory list's cap bounds it.
 */
export function redisExpiredEarlyList(redis: MockRedis, clock: Clock): ExpiredEarlyList {
  return {
    async get(jti) {
      const at = await (await redis.client()).get(redis.key('jti-expired', jti))
      return at === null ? undefined : Number(at)
    },
    async add(jti, at, forgetAt) {
      const ttl = Math.max(1, forgetAt - clock())
      await (await redis.client()).set(redis.key('jti-expired', jti), String(at), { expiration: { type: 'PX', value: ttl } })
    },
  }
}
