import { describe, expect, it } from 'vitest'
import { clientNetwork } from '@/mocks/client-address'
import { backends, createTestApi, useBackend } from './mock-client'

const reader = '198.51.100.20'
const flooder = '203.0.113.66'

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)

  describe('registration limit per client', () => {
    it('refuses registrations over the limit with 429 and Retry-After until the window has passed', async () => {
      const mock = createTestApi({ registrationsPerClient: 3, registrationWindowSeconds: 3600 })
      for (let i = 0; i < 3; i++) await mock.register(`flood-${i}@example.com`, 'password-123', flooder)

      mock.advance(600)
      const refused = await mock.send('POST', '/api/auth/register', { body: { name: 'F', email: 'flood-3@example.com', password: 'password-123' }, address: flooder })
      expect(refused.status).toBe(429)
      expect(refused.headers.get('content-type')).toContain('application/problem+json')
      expect(refused.headers.get('retry-after')).toBe(String(3600 - 600))
      expect(await mock.api.context.store.findByEmail('flood-3@example.com')).toBeUndefined()

      // Another client is not affected; the flooder may register again once the window has passed.
      await mock.register('reader@example.com', 'password-123', reader)
      mock.advance(3600 - 600)
      await mock.register('flood-3@example.com', 'password-123', flooder)
    })

    it('counts refused and invalid requests too, as ASP.NET Core counts every request', async () => {
      const mock = createTestApi({ registrationsPerClient: 2 })
      const invalid = { body: { name: '', email: 'not-an-email', password: 'x' }, address: flooder }
      expect((await mock.send('POST', '/api/auth/register', invalid)).status).toBe(400)
      expect((await mock.send('POST', '/api/auth/register', invalid)).status).toBe(400)
      expect((await mock.send('POST', '/api/auth/register', invalid)).status).toBe(429)
    })

    it('counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 one', async () => {
      expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
      expect(clientNetwork('2001:DB8:1:2:bbbb:0:0:9')).toBe('2001:db8:1:2::/64')
      expect(clientNetwork('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
      expect(clientNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7')
      expect(clientNetwork('192.0.2.7')).toBe('192.0.2.7')
      expect(clientNetwork('unknown')).toBe('unknown')

      const mock = createTestApi({ registrationsPerClient: 1 })
      await mock.register('first@example.com', 'password-123', '2001:db8:1:2::1')
      const sameNetwork = await mock.send('POST', '/api/auth/register', {
        body: { name: 'N', email: 'second@example.com', password: 'password-123' },
        address: '2001:db8:1:2:ffff::2',
      })
      expect(sameNetwork.status).toBe(429)
    })
  })

  describe('eviction at the account cap', () => {
    it("takes the registering client's own accounts first, so a flood leaves readers' accounts alone", async () => {
      // The demo account, one reader and two of the flooder's fill the cap.
      const mock = createTestApi({ maxAccounts: 4 })
      const readerSession = await mock.register('reader@example.com', 'password-123', reader)
      await mock.register('flood-0@example.com', 'password-123', flooder)
      await mock.register('flood-1@example.com', 'password-123', flooder)

      // The reader's account is the least recently used, yet the flood evicts its own.
      for (let i = 2; i < 6; i++) await mock.register(`flood-${i}@example.com`, 'password-123', flooder)
      expect(await mock.api.context.store.countAccounts()).toBe(4)
      for (let i = 0; i < 4; i++) expect(await mock.api.context.store.findByEmail(`flood-${i}@example.com`)).toBeUndefined()
      expect((await mock.send('GET', '/api/goals', { token: readerSession.accessToken })).status).toBe(200)
      expect((await mock.login('reader@example.com', 'password-123', reader)).status).toBe(200)
      // Seven registrations and logins: fourteen scrypt hashes, slow on a busy 2-core machine.
    }, 20_000)

    it('falls back to the least recently used account when the client has none', async () => {
      const mock = createTestApi({ maxAccounts: 3 })
      const first = await mock.register('first@example.com', 'password-123', reader)
      const second = await mock.register('second@example.com', 'password-123', flooder)
      // Using the first account makes the second one the least recently used.
      expect((await mock.send('GET', '/api/goals', { token: first.accessToken })).status).toBe(200)

      await mock.register('newcomer@example.com', 'password-123', '192.0.2.50')
      expect((await mock.send('GET', '/api/users/me', { token: second.accessToken })).status).toBe(401)
      expect((await mock.send('GET', '/api/users/me', { token: first.accessToken })).status).toBe(200)
    })
  })
})
