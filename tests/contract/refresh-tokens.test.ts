import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, inject, it } from 'vitest'
import { callJson, expectProblem, login, refresh, signIn, type LoginResponse } from './api-client'

const familySeconds = inject('contractRefreshFamilySeconds')
const overlapSeconds = inject('contractRefreshOverlapSeconds')
// Waiting out a long family lifetime or overlap window would make the suite crawl.
const canWaitOutFamily = familySeconds !== null && familySeconds <= 10
const hasOverlap = overlapSeconds !== null && overlapSeconds > 0
const canWaitOutOverlap = overlapSeconds !== null && overlapSeconds <= 10

async function rotate(refreshToken: string): Promise<LoginResponse> {
  const response = await refresh(refreshToken)
  expect(response.status).toBe(200)
  return (await response.json()) as LoginResponse
}

const getMe = (token: string) => callJson('GET', '/api/users/me', undefined, { token })

describe('POST /api/auth/refresh', () => {
  it('rotates: a new pair each time, and the new access token works', async () => {
    const session = await signIn()
    const rotated = await rotate(session.refreshToken)
    expect(rotated.refreshToken).not.toBe(session.refreshToken)
    expect(rotated.accessToken).not.toBe(session.accessToken)
    expect(rotated.user).toEqual(session.user)
    expect(rotated.refreshTokenExpiresIn).toBeLessThanOrEqual(session.refreshTokenExpiresIn)
    expect((await getMe(rotated.accessToken)).status).toBe(200)
  })

  it('treats an older token as theft: the whole family stops working, access tokens included', async () => {
    const session = await signIn()
    const first = await rotate(session.refreshToken)
    const second = await rotate(first.refreshToken)

    // Two generations old, so no overlap window can cover it.
    const replay = await expectProblem(await refresh(session.refreshToken), 401)
    expect(replay.detail).toMatch(/revoked|reuse|already used/i)
    await expectProblem(await refresh(second.refreshToken), 401)
    expect((await getMe(second.accessToken)).status).toBe(401)
  })

  it('revokes only the family that was replayed', async () => {
    const session = await signIn()
    const otherDevice = await login(session.account)
    const first = await rotate(session.refreshToken)
    await rotate(first.refreshToken)
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

  it('revokes the access tokens of a signed-out family too', async () => {
    const session = await signIn()
    expect((await callJson('POST', '/api/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204)
    expect((await getMe(session.accessToken)).status).toBe(401)
  })

  it.skipIf(!canWaitOutFamily)(
    'ends the family at its absolute lifetime, however often it rotated (needs CONTRACT_REFRESH_FAMILY_SECONDS ≤ 10)',
    async () => {
      const session = await signIn()
      // After sign-in, not before: the family starts during it, and registering
      // (a password hash) can take longer than the 500 ms margin on a busy machine.
      const started = Date.now()
      await sleep((familySeconds! * 1000) / 2)
      const rotated = await rotate(session.refreshToken)
      expect(rotated.refreshTokenExpiresIn).toBeLessThanOrEqual(Math.ceil(familySeconds! / 2) + 1)

      await sleep(Math.max(0, started + familySeconds! * 1000 + 500 - Date.now()))
      await expectProblem(await refresh(rotated.refreshToken), 401)
    },
  )
})

describe('the overlap window', () => {
  it.skipIf(!hasOverlap)(
    'answers the token just replaced with the successor already issued (needs CONTRACT_REFRESH_OVERLAP_SECONDS > 0)',
    async () => {
      const session = await signIn()
      const winner = await rotate(session.refreshToken)
      const loser = await rotate(session.refreshToken)
      expect(loser.refreshToken).toBe(winner.refreshToken)
      expect((await getMe(loser.accessToken)).status).toBe(200)
      // Idempotent, not a fork: the family goes on from that one successor.
      const next = await rotate(winner.refreshToken)
      expect((await getMe(next.accessToken)).status).toBe(200)
    },
  )

  it.skipIf(!canWaitOutOverlap)(
    'revokes the family when the token just replaced comes back after the window (needs CONTRACT_REFRESH_OVERLAP_SECONDS ≤ 10)',
    async () => {
      const session = await signIn()
      const successor = await rotate(session.refreshToken)
      await sleep(overlapSeconds! * 1000 + 250)
      await expectProblem(await refresh(session.refreshToken), 401)
      await expectProblem(await refresh(successor.refreshToken), 401)
      expect((await getMe(successor.accessToken)).status).toBe(401)
    },
  )
})
