import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, inject, it } from 'vitest'
import { callJson, expectProblem, login, refresh, signIn, type LoginResponse } from './api-client'

const familySeconds = inject('contractRefreshFamilySeconds')
// Waiting out a long family lifetime would make the suite crawl.
const canWaitOutFamily = familySeconds !== null && familySeconds <= 10

describe('POST /api/auth/refresh', () => {
  it('rotates: a new pair each time, and the new access token works', async () => {
    const session = await signIn()
    const response = await refresh(session.refreshToken)
    expect(response.status).toBe(200)
    const rotated = (await response.json()) as LoginResponse
    expect(rotated.refreshToken).not.toBe(session.refreshToken)
    expect(rotated.accessToken).not.toBe(session.accessToken)
    expect(rotated.user).toEqual(session.user)
    expect(rotated.refreshTokenExpiresIn).toBeLessThanOrEqual(session.refreshTokenExpiresIn)

    const me = await callJson('GET', '/api/users/me', undefined, { token: rotated.accessToken })
    expect(me.status).toBe(200)
  })

  it('treats a used token as theft: it and its successor stop working', async () => {
    const session = await signIn()
    const successor = (await (await refresh(session.refreshToken)).json()) as LoginResponse

    const replay = await expectProblem(await refresh(session.refreshToken), 401)
    expect(replay.detail).toMatch(/revoked|reuse|already used/i)
    await expectProblem(await refresh(successor.refreshToken), 401)
  })

  it('revokes only the family that was replayed', async () => {
    const session = await signIn()
    const otherDevice = await login(session.account)
    await refresh(session.refreshToken)
    await refresh(session.refreshToken)
    expect((await refresh(otherDevice.refreshToken)).status).toBe(200)
  })

  it('refuses a token it never issued', async () => {
    await expectProblem(await refresh('bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLWF0LWFsbC1yZWFsbHk'), 401)
  })

  it('requires the refreshToken field', async () => {
    const body = await expectProblem(await callJson('POST', '/api/auth/refresh', {}), 400)
    expect(body.errors).toHaveProperty('RefreshToken')
  })

  it.skipIf(!canWaitOutFamily)(
    'ends the family at its absolute lifetime, however often it rotated (needs CONTRACT_REFRESH_FAMILY_SECONDS ≤ 10)',
    async () => {
      const started = Date.now()
      const session = await signIn()
      await sleep((familySeconds! * 1000) / 2)
      const rotated = (await (await refresh(session.refreshToken)).json()) as LoginResponse
      expect(rotated.refreshTokenExpiresIn).toBeLessThanOrEqual(Math.ceil(familySeconds! / 2) + 1)

      await sleep(Math.max(0, started + familySeconds! * 1000 + 500 - Date.now()))
      await expectProblem(await refresh(rotated.refreshToken), 401)
    },
  )
})
