import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '@/mocks/rate-limiter'
import { createTestApi } from './mock-client'

describe('login rate limiting', () => {
  it('locks an account after five failures and reopens when the window has passed', async () => {
    const mock = createTestApi()
    await mock.register('locked@example.com', 'right-password')
    for (let i = 0; i < 5; i++) {
      expect((await mock.login('locked@example.com', 'wrong-password', `10.0.0.${i}`)).status).toBe(401)
    }

    mock.advance(60)
    const locked = await mock.login('locked@example.com', 'right-password', '10.0.1.1')
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe(String(15 * 60 - 60))

    mock.advance(15 * 60 - 60)
    expect((await mock.login('locked@example.com', 'right-password', '10.0.1.1')).status).toBe(200)
  })

  it("clears an account's counter on success", async () => {
    const mock = createTestApi()
    await mock.register('clears@example.com', 'right-password')
    for (let i = 0; i < 4; i++) await mock.login('clears@example.com', 'wrong-password')
    expect((await mock.login('clears@example.com', 'right-password')).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await mock.login('clears@example.com', 'wrong-password')).status).toBe(401)
  })

  it('limits one client address across many accounts, known or not', async () => {
    const mock = createTestApi({ loginFailuresPerClient: 3 })
    for (let i = 0; i < 3; i++) await mock.login(`nobody-${i}@example.com`, 'guess', '203.0.113.7, 10.0.0.1')
    const limited = await mock.login('nobody-9@example.com', 'guess', '203.0.113.7')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    // Another client is unaffected.
    expect((await mock.login('nobody-9@example.com', 'guess', '198.51.100.1')).status).toBe(401)
  })

  it('keeps its map bounded, dropping expired windows before live ones', () => {
    let now = 0
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 10, maxKeys: 3, clock: () => now })
    limiter.recordFailure('a')
    now += 11_000
    limiter.recordFailure('b')
    limiter.recordFailure('c')
    limiter.recordFailure('d')
    expect(limiter.size).toBe(3)
    expect(limiter.retryAfter('b')).toBeGreaterThan(0)
    limiter.recordFailure('e')
    expect(limiter.size).toBe(3)
    expect(limiter.retryAfter('b')).toBe(0)
  })
})
