import 'server-only'
import { createHash } from 'node:crypto'
import type { BffRedis } from '@/demos/lib/redis/connect-redis'
import type { RateLimit, RateLimitOptions } from './rate-limit'

// One script, so counting and starting the window's clock are one step: with
// INCR and PEXPIRE sent apart, a crash between them would leave a counter with
// no TTL, which volatile-lru never evicts and which would refuse its key forever.
const TAKE = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`

/**
 * The same fixed window in Redis, counted across every instance. Each key
 * expires with its window, so the keys are bounded by time rather than by a
 * map: a flood of new addresses costs memory for one window at most.
 */
export function createRedisRateLimit(redis: BffRedis, { name, limit, windowSeconds }: Omit<RateLimitOptions, 'redis'>): RateLimit {
  const windowMs = Math.round(windowSeconds * 1000)
  return {
    async take(key) {
      const [count, ttl] = (await redis.run((client) => client.eval(TAKE, { keys: [rateKey(name, key)], arguments: [String(windowMs)] }))) as [number, number]
      if (count <= limit) return 0
      return Math.max(1, Math.ceil(ttl / 1000))
    },
  }
}

/** An address is short; anything longer (a forged header) is hashed so no key grows with its input. */
export function rateKey(name: string, key: string): string {
  return `bff:rate:${name}:${key.length <= 64 ? key : createHash('sha256').update(key).digest('base64url')}`
}
