import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { defaultMockConfig } from '@/mocks/mock-config'
import type { DemoSession, LoginResponse } from '@/mocks/schemas'
import { backends, createTestApi, useBackend } from './mock-client'

type Mock = ReturnType<typeof createTestApi>

const refresh = (mock: Mock, refreshToken: string) => mock.send('POST', '/api/auth/refresh', { body: { refreshToken } })
const rotated = async (mock: Mock, refreshToken: string) => {
  const response = await refresh(mock, refreshToken)
  expect(response.status).toBe(200)
  return (await response.json()) as LoginResponse
}
const session = async (mock: Mock, token: string) =>
  (await (await mock.send('GET', '/api/demo/session', { token })).json()) as DemoSession

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)

  describe('the overlap window (default 10 s)', () => {
    it('is on by default, at 10 seconds', () => {
      expect(defaultMockConfig.refreshReuseOverlapSeconds).toBe(10)
    })

    it('answers the token just replaced with the successor already issued, until the window closes', async () => {
      const mock = createTestApi()
      const login = await mock.register('overlap@example.com')
      const first = await rotated(mock, login.refreshToken)

      mock.advance(9)
      const raced = await rotated(mock, login.refreshToken)
      expect(raced.refreshToken).toBe(first.refreshToken)
      expect(raced.accessToken).not.toBe(first.accessToken)
      expect(await session(mock, raced.accessToken)).toMatchObject({ rotations: 1, overlapReuses: 1, overlapSeconds: 10 })

      mock.advance(1)
      const late = await refresh(mock, login.refreshToken)
      expect(late.status).toBe(401)
      expect((await late.json()).detail).toMatch(/already used/)
      expect((await refresh(mock, first.refreshToken)).status).toBe(401)
    })

    it('covers only the immediately previous token: an older one revokes the family inside the window', async () => {
      const mock = createTestApi()
      const login = await mock.register('grandparent@example.com')
      const first = await rotated(mock, login.refreshToken)
      const second = await rotated(mock, first.refreshToken)

      // `login` is two generations old: its successor has been used.
      expect((await refresh(mock, login.refreshToken)).status).toBe(401)
      expect((await refresh(mock, second.refreshToken)).status).toBe(401)
    })

    it('is off at 0: the first replay revokes', async () => {
      const mock = createTestApi({ refreshReuseOverlapSeconds: 0 })
      const login = await mock.register('no-overlap@example.com')
      const first = await rotated(mock, login.refreshToken)
      expect((await refresh(mock, login.refreshToken)).status).toBe(401)
      expect((await refresh(mock, first.refreshToken)).status).toBe(401)
    })
  })

  describe('access tokens belong to their session', () => {
    it('carry the family id as `sid`, and die with the family', async () => {
      const mock = createTestApi()
      const login = await mock.register('sid@example.com')
      expect(decodeJwt(login.accessToken).sid).toMatch(/^[0-9a-f-]{36}$/)
      expect((await mock.send('GET', '/api/users/me', { token: login.accessToken })).status).toBe(200)

      await mock.send('POST', '/api/auth/logout', { body: { refreshToken: login.refreshToken } })
      const refused = await mock.send('GET', '/api/users/me', { token: login.accessToken })
      expect(refused.status).toBe(401)
      expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The session has been revoked"')
    })
  })
})
