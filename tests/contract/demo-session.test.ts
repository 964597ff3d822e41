import { describe, expect, inject, it } from 'vitest'
import type { components } from '../../demos/lib/api/dotnet-api'
import { callJson, expectBearerChallenge, expectProblem, refresh, signIn, type LoginResponse } from './api-client'

type DemoSession = components['schemas']['DemoSession']

// Demo only, like /api/demo/controls: a real API has none of these.
const supported = inject('contractDemoControls')

const post = (path: string, token?: string) => callJson('POST', path, undefined, { token })

async function readSession(token: string): Promise<DemoSession> {
  const response = await callJson('GET', '/api/demo/session', undefined, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as DemoSession
}

describe.skipIf(!supported)('demo session tools', () => {
  it('report the family behind the token: age, absolute limit, rotations, and no token', async () => {
    const session = await signIn()
    const before = await readSession(session.accessToken)
    expect(before).toMatchObject({ familyIdPrefix: expect.stringMatching(/^[0-9a-f]{8}$/), rotations: 0, overlapReuses: 0 })
    expect(Date.parse(before.familyExpiresAt)).toBeGreaterThan(Date.parse(before.familyCreatedAt))

    const rotated = (await (await refresh(session.refreshToken)).json()) as LoginResponse
    const after = await readSession(rotated.accessToken)
    expect(after).toMatchObject({ familyIdPrefix: before.familyIdPrefix, familyExpiresAt: before.familyExpiresAt, rotations: 1 })
    expect(JSON.stringify(after)).not.toContain(rotated.refreshToken)
  })

  it('expire an access token: its next use is a 401 invalid_token, while the refresh token still works', async () => {
    const session = await signIn()
    expect((await post('/api/demo/expire-access-token', session.accessToken)).status).toBe(204)
    await expectBearerChallenge(await callJson('GET', '/api/goals', undefined, { token: session.accessToken }), { invalidToken: true })
    expect((await refresh(session.refreshToken)).status).toBe(200)
  })

  it('replay the previous refresh token: 409 before any rotation, then the family is revoked', async () => {
    const session = await signIn()
    await expectProblem(await post('/api/demo/replay-refresh-token', session.accessToken), 409)

    const rotated = (await (await refresh(session.refreshToken)).json()) as LoginResponse
    expect((await post('/api/demo/replay-refresh-token', rotated.accessToken)).status).toBe(204)
    await expectBearerChallenge(await callJson('GET', '/api/users/me', undefined, { token: rotated.accessToken }), { invalidToken: true })
    await expectProblem(await refresh(rotated.refreshToken), 401)
  })

  it('require a bearer token', async () => {
    await expectBearerChallenge(await callJson('GET', '/api/demo/session', undefined), { invalidToken: false })
    await expectBearerChallenge(await post('/api/demo/expire-access-token'), { invalidToken: false })
    await expectBearerChallenge(await post('/api/demo/replay-refresh-token'), { invalidToken: false })
  })
})
