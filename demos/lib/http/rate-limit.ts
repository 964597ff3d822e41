import 'server-only'
import type { BffRedis } from '@/demos/lib/redis/connect-redis'
import { getBffRedis } from '@/demos/lib/redis/get-bff-redis'
import { createRedisRateLimit } from './redis-rate-limit'

export type RateLimit = {
  /**
   * Counts one request for `key`; resolves to the seconds to wait, or 0 when
   * it may go on. With Redis it rejects with RedisUnavailableError when Redis
   * cannot be asked: the caller answers 503, it never lets the request through.
   */
  take(key: string): Promise<number>
}

export type RateLimitOptions = {
  /** Names the limit's keys in the shared store (`bff:rate:<name>:<key>`). */
  name: string
  limit: number
  windowSeconds: number
  /** Keys one process keeps in memory; in Redis each key expires with its window instead. */
  maxKeys: number
  now?: () => number
  /** Where the counters live: Redis when REDIS_URL is set, so every instance counts together. */
  redis?: BffRedis | null
}

/** The one place that picks where a rate limit counts. */
export function createRateLimit({ redis = getBffRedis(), ...options }: RateLimitOptions): RateLimit {
  return redis ? createRedisRateLimit(redis, options) : createMemoryRateLimit(options)
}

/**
 * A fixed-window request counter per key, in this process's memory. The map is
 * capped at `maxKeys`: expired windows go first, then the oldest, so a flood of
 * new keys (spoofed addresses) costs bounded memory and forgets the oldest
 * counters rather than growing.
 */
export function createMemoryRateLimit({ limit, windowSeconds, maxKeys, now = Date.now }: Omit<RateLimitOptions, 'redis' | 'name'>) {
  const windowMs = windowSeconds * 1000
  const windows = new Map<string, { startedAt: number; count: number }>()

  function makeRoom(at: number) {
    if (windows.size < maxKeys) return
    for (const [key, window] of windows) if (at - window.startedAt >= windowMs) windows.delete(key)
    // Map iteration is insertion order: the first keys are the oldest windows.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break
      windows.delete(key)
    }
  }

  function take(key: string): number {
    const at = now()
    let window = windows.get(key)
    if (window && at - window.startedAt >= windowMs) {
      windows.delete(key)
      window = undefined
    }
    if (!window) {
      makeRoom(at)
      windows.set(key, { startedAt: at, count: 1 })
      return 0
    }
    window.count += 1
    if (window.count <= limit) return 0
    return Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000))
  }

  return {
    take: async (key: string) => take(key),
    get size() {
      return windows.size
    },
  }
}
