import { describe, expect, it } from 'vitest'
import type { DemoSession, LoginResponse } from '@/mocks/schemas'
import { backends, createTestApi, useBackend } from './mock-client'

type Mock = ReturnType<typeof createTestApi>

const rotate = async (mock: Mock, refreshToken: string) =>
  (await (await mock.send('POST', '/api/auth/refresh', { body: { refreshToken } })).json()) as LoginResponse

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)

  describe('GET /api/demo/session', () => {
    it("reports the family's age, absolute limit and rotations, and no token", async () => {
      const mock = createTestApi({ refreshFamilySeconds: 3600 })
      const login = await mock.register('session@example.com')
      mock.advance(60)
      const next = await rotate(mock, login.refreshToken)

      const response = await mock.send('GET', '/api/demo/session', { token: next.accessToken })
      expect(response.status).toBe(200)
      const body = (await response.json()) as DemoSession
      expect(body).toEqual({
        familyIdPrefix: expect.stringMatching(/^[0-9a-f]{8}$/),
        familyCreatedAt: new Date(mock.now() - 60_000).toISOString(),
        familyExpiresAt: new Date(mock.now() - 60_000 + 3600_000).toISOString(),
        rotations: 1,
        overlapReuses: 0,
        overlapSeconds: 10,
      })
      expect(JSON.stringify(body)).not.toContain(next.refreshToken)
    })
  })

  describe('POST /api/demo/expire-access-token', () => {
    it('makes the next call with that token a 401 invalid_token, and nothing else', async () => {
      const mock = createTestApi()
      const login = await mock.register('expire@example.com')
      const other = await rotate(mock, (await (await mock.login('expire@example.com', 'password-123')).json()).refreshToken)

      expect((await mock.send('POST', '/api/demo/expire-access-token', { token: login.accessToken })).status).toBe(204)
      const refused = await mock.send('GET', '/api/goals', { token: login.accessToken })
      expect(refused.status).toBe(401)
      expect(refused.headers.get('www-authenticate')).toBe(
        `Bearer error="invalid_token", error_description="The token expired at '01/15/2025 12:00:00'"`,
      )

      // The refresh token still works, and so does every other token.
      const refreshed = await rotate(mock, login.refreshToken)
      expect((await mock.send('GET', '/api/goals', { token: refreshed.accessToken })).status).toBe(200)
      expect((await mock.send('GET', '/api/goals', { token: other.accessToken })).status).toBe(200)
    })

    it('needs a valid bearer token', async () => {
      const mock = createTestApi()
      expect((await mock.send('POST', '/api/demo/expire-access-token')).status).toBe(401)
    })
  })

  describe('POST /api/demo/replay-refresh-token', () => {
    it('has nothing to replay before the first rotation', async () => {
      const mock = createTestApi()
      const login = await mock.register('replay-early@example.com')
      const response = await mock.send('POST', '/api/demo/replay-refresh-token', { token: login.accessToken })
      expect(response.status).toBe(409)
      expect((await mock.send('GET', '/api/users/me', { token: login.accessToken })).status).toBe(200)
    })

    it('replays the previous token past the overlap window: the family and its access tokens are revoked', async () => {
      const mock = createTestApi()
      const login = await mock.register('replay@example.com')
      const otherDevice = (await (await mock.login('replay@example.com', 'password-123')).json()) as LoginResponse
      const current = await rotate(mock, login.refreshToken)

      // Inside the window, so only the forced replay can explain the revocation.
      expect((await mock.send('POST', '/api/demo/replay-refresh-token', { token: current.accessToken })).status).toBe(204)
      expect((await mock.send('GET', '/api/users/me', { token: current.accessToken })).status).toBe(401)
      const refresh = await mock.send('POST', '/api/auth/refresh', { body: { refreshToken: current.refreshToken } })
      expect(refresh.status).toBe(401)
      expect((await refresh.json()).detail).toMatch(/revoked/)

      // Another sign-in of the same account is another family, untouched.
      expect((await mock.send('GET', '/api/users/me', { token: otherDevice.accessToken })).status).toBe(200)
    })
  })

  describe('POST /api/demo/expire-upload-grants', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

    async function grantedUpload(mock: Mock, token: string) {
      const goal = (await (await mock.send('POST', '/api/goals', { token, body: { title: 'Files' } })).json()) as { id: string }
      const body = { fileName: 'a.png', size: png.byteLength, contentType: 'image/png' }
      const grant = (await (await mock.send('POST', `/api/goals/${goal.id}/attachments/grants`, { token, body })).json()) as { uploadToken: string }
      const put = () =>
        mock.api.handle(new Request('http://api.test/api/uploads', { method: 'PUT', headers: { 'content-type': 'image/png', 'x-upload-token': grant.uploadToken }, body: png }))
      const listed = async () => ((await (await mock.send('GET', `/api/goals/${goal.id}/attachments`, { token })).json()) as unknown[]).length
      return { put, listed }
    }

    it("refuses the caller's unused upload tokens as expired from then on, and no one else's", async () => {
      const mock = createTestApi()
      const owner = await mock.register('uploads@example.com')
      const stranger = await mock.register('stranger-uploads@example.com')
      const mine = await grantedUpload(mock, owner.accessToken)
      const theirs = await grantedUpload(mock, stranger.accessToken)

      expect((await mock.send('POST', '/api/demo/expire-upload-grants', { token: owner.accessToken })).status).toBe(204)
      const refused = await mine.put()
      expect(refused.status).toBe(401)
      expect((await refused.json()).detail).toMatch(/expired/)
      expect(await mine.listed()).toBe(0)
      expect((await theirs.put()).status).toBe(201)
    })

    it('needs a valid bearer token', async () => {
      const mock = createTestApi()
      expect((await mock.send('POST', '/api/demo/expire-upload-grants')).status).toBe(401)
    })
  })
})
