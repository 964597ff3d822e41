import 'server-only'

export type RateLimit = {
  /** Counts one request for `key`; returns the seconds to wait, or 0 when it may go on. */
  take(key: string): number
  readonly size: number
}

/**
 * A fixed-window request counter per key, in this process's memory. The map is
 * capped at `maxKeys`: expired windows go first, then the oldest, so a flood of
 * new keys (spoofed addresses) costs bounded memory and forgets the oldest
 * counters rather than growing. Several instances need a shared store (Redis…).
 */
export function createRateLimit({ limit, windowSeconds, maxKeys, now = Date.now }: { limit: number; windowSeconds: number; maxKeys: number; now?: () => number }): RateLimit {
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

  return {
    take(key) {
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
    },
    get size() {
      return windows.size
    },
  }
}
