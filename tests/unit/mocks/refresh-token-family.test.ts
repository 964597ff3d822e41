import { describe, expect, it } from 'vitest'
import { createRedisRefreshTokenStore } from '@/mocks/redis-refresh-token-store'
import { createRefreshTokenStore, type RefreshTokenStoreOptions } from '@/mocks/refresh-token-store'
import type { LoginResponse } from '@/mocks/schemas'
import { backends, createTestApi, testRedis, useBackend } from './mock-client'

const day = 24 * 60 * 60

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)
  const createStore = (options: RefreshTokenStoreOptions) =>
    backend === 'redis' ? createRedisRefreshTokenStore(testRedis(), options) : createRefreshTokenStore(options)

  describe('refresh-token families', () => {
    it('lasts seven days from login by default, however often it rotates', async () => {
      const mock = createTestApi()
      let session = await mock.register('family@example.com')
      expect(session.refreshTokenExpiresIn).toBe(7 * day)

      for (let i = 0; i < 6; i++) {
        mock.advance(day)
        const response = await mock.send('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })
        expect(response.status).toBe(200)
        session = (await response.json()) as LoginResponse
        expect(session.refreshTokenExpiresIn).toBe((7 - (i + 1)) * day)
      }

      mock.advance(day - 1)
      const lastSecond = await mock.send('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })
      expect(lastSecond.status).toBe(200)
      session = (await lastSecond.json()) as LoginResponse
      expect(session.refreshTokenExpiresIn).toBe(1)

      mock.advance(1)
      const expired = await mock.send('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })
      expect(expired.status).toBe(401)
      expect((await expired.json()).detail).toMatch(/expired/)
    })

    it('revokes the whole family when a spent token comes back', async () => {
      let now = 0
      const store = createStore({ familySeconds: 60, overlapSeconds: 0, maxTokens: 100, revocationSeconds: 930, clock: () => now })
      const first = (await store.issue('user-1')).refreshToken
      const second = await store.rotate(first)
      if (!second.ok) throw new Error('rotation failed')

      now += 1
      expect(await store.rotate(first)).toEqual({ ok: false, reason: 'reused' })
      expect(await store.rotate(second.refreshToken)).toEqual({ ok: false, reason: 'revoked' })
    })

    it('hands out the same successor inside an overlap window, when one is configured', async () => {
      let now = 0
      const store = createStore({ familySeconds: 60, overlapSeconds: 5, maxTokens: 100, revocationSeconds: 930, clock: () => now })
      const first = (await store.issue('user-1')).refreshToken
      const second = await store.rotate(first)
      if (!second.ok) throw new Error('rotation failed')

      now += 4_000
      const raced = await store.rotate(first)
      expect(raced).toMatchObject({ ok: true, refreshToken: second.refreshToken })

      now += 1_000
      expect(await store.rotate(first)).toEqual({ ok: false, reason: 'reused' })
    })

    it('keeps the token map bounded: expired families go first, then the oldest', async () => {
      let now = 0
      const store = createStore({ familySeconds: 10, overlapSeconds: 0, maxTokens: 5, revocationSeconds: 930, clock: () => now })
      const tokens: string[] = []
      for (let i = 0; i < 5; i++) tokens.push((await store.issue(`user-${i}`)).refreshToken)
      expect(await store.countTokens()).toBe(5)

      await store.issue('user-5')
      expect(await store.countTokens()).toBe(5)
      expect(await store.rotate(tokens[0])).toEqual({ ok: false, reason: 'invalid' })

      // Expired families are swept at least once a minute, full or not.
      now += 60_000
      await store.issue('user-6')
      expect(await store.countTokens()).toBe(1)
    })

    it('remembers a revocation after a full store has pruned the family, until its access tokens expire', async () => {
      let now = 0
      const store = createStore({ familySeconds: 3600, overlapSeconds: 0, maxTokens: 5, revocationSeconds: 930, clock: () => now })
      const revoked = await store.issue('user-revoked')
      await store.revokeFamilyOf(revoked.refreshToken)
      expect(await store.isRevoked(revoked.familyId)).toBe(true)

      // Fill the store past its cap: the revoked family is the oldest, so it goes first.
      for (let i = 0; i < 10; i++) await store.issue(`user-${i}`)
      expect(await store.report(revoked.familyId)).toBeUndefined()
      expect(await store.isRevoked(revoked.familyId)).toBe(true)

      // Its access tokens have all expired by then; the revocation may go.
      now += 930_000
      await store.issue('user-late')
      expect(await store.isRevoked(revoked.familyId)).toBe(false)
    })

    it('revokes a family by its id, for a logout that holds only the access token', async () => {
      const store = createStore({ familySeconds: 60, overlapSeconds: 0, maxTokens: 100, revocationSeconds: 930, clock: () => 0 })
      const { familyId, refreshToken } = await store.issue('user-1')
      await store.revokeFamily(familyId)
      expect(await store.isRevoked(familyId)).toBe(true)
      expect(await store.rotate(refreshToken)).toEqual({ ok: false, reason: 'revoked' })
    })
  })
})
