import type { Clock } from './clock'

/**
 * Two implementations: this file's, in process memory (the default and the
 * reference behaviour), and redis-rate-limiter.ts's, which counts the
 * requests to every instance on one Redis together (REDIS_URL).
 */
export interface RateLimiter {
  /** Seconds until `key` may try again, or 0 when it is under the limit. */
  retryAfter(key: string): Promise<number>
  /** Counts one event against `key`: a failed sign-in, a registration. */
  record(key: string): Promise<void>
  reset(key: string): Promise<void>
  /** Keys with a counter: what maxKeys bounds. */
  countKeys(): Promise<number>
}

export interface RateLimiterOptions {
  limit: number
  windowSeconds: number
  maxKeys: number
  clock: Clock
}

interface Window {
  startedAt: number
  count: number
}

/**
 * Fixed-window event counter. The window opens at a key's first event and
 * the count resets once it has passed. The map is capped at `maxKeys`: expired
 * windows go first, then the oldest, so memory stays bounded even when every
 * request uses a new key (at the cost of forgetting the oldest counters).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, clock, maxKeys } = options
  const windowMs = options.windowSeconds * 1000
  const windows = new Map<string, Window>()

  function current(key: string): Window | undefined {
    const window = windows.get(key)
    if (window && clock() - window.startedAt >= windowMs) {
      windows.delete(key)
      return undefined
    }
    return window
  }

  function makeRoom(): void {
    if (windows.size < maxKeys) return
    const now = clock()
    for (const [key, window] of windows) {
      if (now - window.startedAt >= windowMs) windows.delete(key)
    }
    // Map iteration is insertion order, so the first keys are the oldest windows.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break
      windows.delete(key)
    }
  }

  return {
    async retryAfter(key) {
      const window = current(key)
      if (!window || window.count < limit) return 0
      return Math.max(1, Math.ceil((window.startedAt + windowMs - clock()) / 1000))
    },
    async record(key) {
      const window = current(key)
      if (window) {
        window.count += 1
        return
      }
      makeRoom()
      windows.set(key, { startedAt: clock(), count: 1 })
    },
    async reset(key) {
      windows.delete(key)
    },
    async countKeys() {
      return windows.size
    },
  }
}
