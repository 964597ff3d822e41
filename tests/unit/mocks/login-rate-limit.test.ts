import { describe, expect, it } from 'vitest'
import { resolveClientAddress } from '@/mocks/client-address'
import { createRateLimiter, type RateLimiterOptions } from '@/mocks/rate-limiter'
import { createRedisRateLimiter } from '@/mocks/redis-rate-limiter'
import { backends, createTestApi, testRedis, useBackend } from './mock-client'

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)
  const createLimiter = (options: RateLimiterOptions) =>
    backend === 'redis' ? createRedisRateLimiter(testRedis(), 'test', options) : createRateLimiter(options)

  describe('login rate limiting', () => {
    it('locks an account for the client that failed five times, and reopens when the window has passed', async () => {
      const mock = createTestApi()
      await mock.register('locked@example.com', 'right-password')
      for (let i = 0; i < 5; i++) {
        expect((await mock.login('locked@example.com', 'wrong-password', '10.0.0.9')).status).toBe(401)
      }

      mock.advance(60)
      const locked = await mock.login('locked@example.com', 'right-password', '10.0.0.9')
      expect(locked.status).toBe(429)
      expect(locked.headers.get('retry-after')).toBe(String(15 * 60 - 60))

      mock.advance(15 * 60 - 60)
      expect((await mock.login('locked@example.com', 'right-password', '10.0.0.9')).status).toBe(200)
    })

    it("never locks the owner out because of a stranger's failures", async () => {
      const mock = createTestApi()
      await mock.register('victim@example.com', 'right-password')
      for (let i = 0; i < 6; i++) await mock.login('victim@example.com', 'wrong-password', '198.51.100.66')
      expect((await mock.login('victim@example.com', 'right-password', '198.51.100.66')).status).toBe(429)
      expect((await mock.login('victim@example.com', 'right-password', '203.0.113.5')).status).toBe(200)
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
      for (let i = 0; i < 3; i++) await mock.login(`nobody-${i}@example.com`, 'guess', '10.0.0.1, 203.0.113.7')
      const limited = await mock.login('nobody-9@example.com', 'guess', '203.0.113.7')
      expect(limited.status).toBe(429)
      expect(limited.headers.get('content-type')).toContain('application/problem+json')
      // Another client is unaffected.
      expect((await mock.login('nobody-9@example.com', 'guess', '198.51.100.1')).status).toBe(401)
    })

    it('keeps its map bounded, dropping expired windows before live ones', async () => {
      let now = 0
      const limiter = createLimiter({ limit: 1, windowSeconds: 10, maxKeys: 3, clock: () => now })
      await limiter.record('a')
      now += 11_000
      await limiter.record('b')
      await limiter.record('c')
      await limiter.record('d')
      expect(await limiter.countKeys()).toBe(3)
      expect(await limiter.retryAfter('b')).toBeGreaterThan(0)
      await limiter.record('e')
      expect(await limiter.countKeys()).toBe(3)
      expect(await limiter.retryAfter('b')).toBe(0)
    })

    describe('the client address, as ASP.NET Core forwarded headers with known proxies', () => {
      const headers = new Headers({ 'x-forwarded-for': '198.51.100.66, 203.0.113.7' })
      const known = ['127.0.0.1', '::1']

      it('believes the last X-Forwarded-For entry only from a known proxy', () => {
        expect(resolveClientAddress(headers, '127.0.0.1', known)).toBe('203.0.113.7')
        expect(resolveClientAddress(headers, '::ffff:127.0.0.1', known)).toBe('203.0.113.7')
        expect(resolveClientAddress(headers, '::1', known)).toBe('203.0.113.7')
      })

      it('takes anyone else at their socket address, whatever they wrote', () => {
        expect(resolveClientAddress(headers, '192.0.2.10', known)).toBe('192.0.2.10')
        expect(resolveClientAddress(headers, '::ffff:192.0.2.10', known)).toBe('192.0.2.10')
        expect(resolveClientAddress(new Headers(), '127.0.0.1', known)).toBe('127.0.0.1')
      })

      // A small limit, so the test costs five password hashes (the e2e suite sprays sixty).
      it('logins from one outside peer, each with an invented address, count as one client', async () => {
        const mock = createTestApi({ loginFailuresPerClient: 5 })
        const statuses: number[] = []
        for (let i = 0; i < 8; i++) {
          const request = new Request('http://api.test/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
            body: JSON.stringify({ email: `spray-${i}@example.com`, password: 'guess' }),
          })
          statuses.push((await mock.api.handle(request, { peerAddress: '192.0.2.10' })).status)
        }
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429])
      })
    })
  })
})
