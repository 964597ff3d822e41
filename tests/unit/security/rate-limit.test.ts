import { afterAll, describe, expect, inject, it } from 'vitest'
import { rejectOverAuthRateLimit } from '@/demos/lib/http/auth-rate-limit'
import { createMemoryRateLimit, createRateLimit, type RateLimit } from '@/demos/lib/http/rate-limit'
import { connectRedis } from '@/demos/lib/redis/connect-redis'
import { rateKey } from '@/demos/lib/http/redis-rate-limit'

// Two BFF processes on one Redis are two connections: the limiters below use them.
const redisA = connectRedis(inject('redisUrl'))
const redisB = connectRedis(inject('redisUrl'))
afterAll(() => Promise.all([redisA.close(), redisB.close()]))
// Every test its own names, so files and tests running together never share a counter.
const unique = () => `test-rate-limit-${crypto.randomUUID()}`

type Make = (options: { name: string; limit: number; windowSeconds: number }) => RateLimit
const implementations: [string, Make][] = [
  ['in memory', (options) => createRateLimit({ ...options, maxKeys: 10_000, redis: null })],
  ['in Redis', (options) => createRateLimit({ ...options, maxKeys: 10_000, redis: redisA })],
]

describe.each(implementations)('createRateLimit, %s', (_, make) => {
  it('lets `limit` requests through per window, then says how long to wait; other keys count apart', async () => {
    const limit = make({ name: unique(), limit: 3, windowSeconds: 60 })
    expect([await limit.take('a'), await limit.take('a'), await limit.take('a')]).toEqual([0, 0, 0])
    const wait = await limit.take('a')
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(60)
    expect(await limit.take('b')).toBe(0)
  })

  it('starts over when the window has passed', async () => {
    const limit = make({ name: unique(), limit: 1, windowSeconds: 0.2 })
    expect(await limit.take('a')).toBe(0)
    expect(await limit.take('a')).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(await limit.take('a')).toBe(0)
  })

  it('counts 50 requests sent at once exactly: 10 through, 40 refused', async () => {
    const limit = make({ name: unique(), limit: 10, windowSeconds: 60 })
    const waits = await Promise.all(Array.from({ length: 50 }, () => limit.take('burst')))
    expect(waits.filter((wait) => wait === 0)).toHaveLength(10)
  })
})

describe('createRateLimit in memory', () => {
  it('keeps at most maxKeys keys, forgetting the oldest', async () => {
    let now = 0
    const limit = createMemoryRateLimit({ limit: 1, windowSeconds: 60, maxKeys: 100, now: () => now })
    await limit.take('first')
    expect(await limit.take('first')).toBeGreaterThan(0)
    for (let i = 0; i < 10_000; i++) {
      now += 1
      await limit.take(`spoofed-${i}`)
    }
    expect(limit.size).toBeLessThanOrEqual(100)
    // The oldest counter went first: `first` starts over.
    expect(await limit.take('first')).toBe(0)
  })

  it('says exactly how long is left of the window', async () => {
    let now = 0
    const limit = createMemoryRateLimit({ limit: 1, windowSeconds: 60, maxKeys: 10, now: () => now })
    await limit.take('a')
    now = 15_000
    expect(await limit.take('a')).toBe(45)
    now = 60_000
    expect(await limit.take('a')).toBe(0)
  })
})

describe('createRateLimit in Redis', () => {
  it('two limiters on one Redis (two instances) count together', async () => {
    const name = unique()
    const onA = createRateLimit({ name, limit: 4, windowSeconds: 60, maxKeys: 1, redis: redisA })
    const onB = createRateLimit({ name, limit: 4, windowSeconds: 60, maxKeys: 1, redis: redisB })
    const waits = [await onA.take('x'), await onB.take('x'), await onA.take('x'), await onB.take('x'), await onA.take('x'), await onB.take('x')]
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0])
    expect(waits[4]).toBeGreaterThan(0)
    expect(waits[5]).toBeGreaterThan(0)
  })

  it('gives every counter the window as its TTL, so keys are bounded by time and evictable', async () => {
    const name = unique()
    const limit = createRateLimit({ name, limit: 5, windowSeconds: 30, maxKeys: 1, redis: redisA })
    await limit.take('203.0.113.9')
    await limit.take('x'.repeat(5000))
    for (const key of [rateKey(name, '203.0.113.9'), rateKey(name, 'x'.repeat(5000))]) {
      const ttl = await redisA.run((client) => client.pTTL(key))
      expect(ttl).toBeGreaterThan(25_000)
      expect(ttl).toBeLessThanOrEqual(30_000)
      expect(key.length).toBeLessThan(120)
    }
  })

  it('answers 503 ProblemDetails, not 500 and not an uncounted pass, when Redis cannot be reached', async () => {
    const down = connectRedis('redis://127.0.0.1:1', { timeoutMs: 200, firstConnectMs: 200 })
    try {
      const limit = createRateLimit({ name: unique(), limit: 5, windowSeconds: 60, maxKeys: 1, redis: down })
      const response = await rejectOverAuthRateLimit(new Request('http://bff.test/api/auth/login', { method: 'POST' }), limit)
      expect(response?.status).toBe(503)
      expect(response?.headers.get('content-type')).toBe('application/problem+json')
      expect(response?.headers.get('retry-after')).toBe('5')
      expect(await response?.json()).toMatchObject({ status: 503, title: 'Service unavailable' })
    } finally {
      await down.close()
    }
  })
})
