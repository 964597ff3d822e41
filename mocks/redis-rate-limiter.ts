import type { MockRedis } from './redis-client'
import type { RateLimiter, RateLimiterOptions } from './rate-limiter'

// Keys, after the prefix:
//   rl:<name>:<key>   hash: start, count; expires with its window
//   rl-keys:<name>    sorted set: key → window start, what maxKeys bounds

// Counting is one script: the window check, the increment and the TTL, and
// on a new window the room it needs, so two instances counting the same
// client at once both count.
const recordScript = `
local p, name, key, now, windowMs, maxKeys = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local counter, index = p..'rl:'..name..':'..key, p..'rl-keys:'..name
local start = tonumber(redis.call('HGET', counter, 'start') or '-1')
if start >= 0 and now - start < windowMs then
  redis.call('HINCRBY', counter, 'count', 1)
  return 1
end
-- A new window. Expired windows go first, then the oldest, so the keys stay bounded.
for _, old in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', now - windowMs)) do
  redis.call('DEL', p..'rl:'..name..':'..old)
  redis.call('ZREM', index, old)
end
while redis.call('ZCARD', index) >= maxKeys do
  local oldest = redis.call('ZPOPMIN', index)[1]
  redis.call('DEL', p..'rl:'..name..':'..oldest)
end
redis.call('HSET', counter, 'start', now, 'count', 1)
redis.call('PEXPIRE', counter, windowMs)
redis.call('ZADD', index, now, key)
redis.call('PEXPIRE', index, windowMs)
return 1
`

/**
 * The fixed-window counter of rate-limiter.ts in Redis (REDIS_URL), so the
 * limit counts the requests to every instance together. `name` keeps the
 * mock's limiters apart.
 */
export function createRedisRateLimiter(redis: MockRedis, name: string, { limit, windowSeconds, maxKeys, clock }: RateLimiterOptions): RateLimiter {
  const windowMs = windowSeconds * 1000
  return {
    async retryAfter(key) {
      const [start, count] = await (await redis.client()).hmGet(redis.key('rl', name, key), ['start', 'count'])
      if (start == null || clock() - Number(start) >= windowMs || Number(count) < limit) return 0
      return Math.max(1, Math.ceil((Number(start) + windowMs - clock()) / 1000))
    },
    async record(key) {
      await redis.run(recordScript, [name, key, clock(), windowMs, maxKeys])
    },
    async reset(key) {
      await (await redis.client()).multi().del(redis.key('rl', name, key)).zRem(redis.key('rl-keys', name), key).exec()
    },
    async countKeys() {
      return (await redis.client()).zCard(redis.key('rl-keys', name))
    },
  }
}
