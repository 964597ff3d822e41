import { describe, expect, it } from 'vitest'
import { demoAccount } from '@/mocks/store'
import { backends, createTestApi, useBackend } from './mock-client'

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)

  describe('account cap', () => {
    it('evicts the least recently used throwaway account, never the demo account', async () => {
      const mock = createTestApi({ maxAccounts: 3 })
      const first = await mock.register('first@example.com')
      const second = await mock.register('second@example.com')

      // Using the first account makes the second one the least recently used.
      expect((await mock.send('GET', '/api/goals', { token: first.accessToken })).status).toBe(200)
      await mock.register('third@example.com')

      expect(await mock.api.context.store.countAccounts()).toBe(3)
      expect((await mock.send('GET', '/api/users/me', { token: second.accessToken })).status).toBe(401)
      expect((await mock.send('POST', '/api/auth/refresh', { body: { refreshToken: second.refreshToken } })).status).toBe(401)
      expect((await mock.login('second@example.com', 'password-123')).status).toBe(401)
      expect((await mock.send('GET', '/api/users/me', { token: first.accessToken })).status).toBe(200)

      // The demo account was the oldest all along and is still there.
      expect((await mock.login(demoAccount.email, demoAccount.password)).status).toBe(200)
    })

    it('still accepts registrations when only the demo account is left to evict', async () => {
      const mock = createTestApi({ maxAccounts: 1 })
      await mock.register('only@example.com')
      await mock.register('next@example.com')
      expect(await mock.api.context.store.countAccounts()).toBe(2)
      expect((await mock.login(demoAccount.email, demoAccount.password)).status).toBe(200)
    })
  })

  describe('goal cap', () => {
    it('refuses a goal over the per-account cap with 409', async () => {
      const mock = createTestApi({ maxGoalsPerAccount: 31 })
      const { accessToken: token } = await mock.register('full@example.com')
      expect((await mock.send('POST', '/api/goals', { token, body: { title: 'Thirty-first' } })).status).toBe(201)
      const refused = await mock.send('POST', '/api/goals', { token, body: { title: 'One too many' } })
      expect(refused.status).toBe(409)
      expect((await refused.json()).detail).toContain('31')
    })
  })
})
