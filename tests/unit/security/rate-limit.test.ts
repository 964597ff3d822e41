import { describe, expect, it } from 'vitest'
import { createRateLimit } from '@/demos/lib/http/rate-limit'

describe('createRateLimit', () => {
  it('lets `limit` requests through per window, then says how long to wait', () => {
    let now = 0
    const limit = createRateLimit({ limit: 3, windowSeconds: 60, maxKeys: 10, now: () => now })
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 0])
    now = 15_000
    expect(limit.take('a')).toBe(45)
    expect(limit.take('b')).toBe(0)
    now = 60_000
    expect(limit.take('a')).toBe(0)
  })

  it('keeps at most maxKeys keys, forgetting the oldest', () => {
    let now = 0
    const limit = createRateLimit({ limit: 1, windowSeconds: 60, maxKeys: 100, now: () => now })
    limit.take('first')
    expect(limit.take('first')).toBeGreaterThan(0)
    for (let i = 0; i < 10_000; i++) {
      now += 1
      limit.take(`spoofed-${i}`)
    }
    expect(limit.size).toBeLessThanOrEqual(100)
    // The oldest counter went first: `first` starts over.
    expect(limit.take('first')).toBe(0)
  })
})
