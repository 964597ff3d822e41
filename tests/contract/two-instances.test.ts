import { describe, expect, inject, it } from 'vitest'
import { apiUrl, refresh, registerAccount, signIn, uniqueAddress, uniqueEmail, type LoginResponse } from './api-client'

// Two instances of one API on one store, as behind a load balancer: in
// `npm run test:dotnet`, two C# API processes on one PostgreSQL database.
// What one instance writes, the other must honour, and the refresh-token
// claim must stay atomic although no process sees the other's requests.
const secondBaseUrl = inject('contractSecondBaseUrl')?.replace(/\/$/, '') ?? null
const overlapSeconds = inject('contractRefreshOverlapSeconds')
// Twenty requests on a busy 2-core machine can take seconds to be served; a
// window shorter than that would revoke on a loser that arrived late.
const hasLongOverlap = overlapSeconds !== null && overlapSeconds >= 5
const registrationsPerClient = inject('contractRegistrationsPerClient')

/** The same path on either instance; `instance` 0 is the suite's own base URL. */
function on(instance: number, path: string) {
  return instance === 0 ? apiUrl(path) : `${secondBaseUrl}${path}`
}

const refreshOn = (instance: number, refreshToken: string) =>
  fetch(on(instance, '/api/auth/refresh'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  })

const meOn = (instance: number, accessToken: string) => fetch(on(instance, '/api/users/me'), { headers: { Authorization: `Bearer ${accessToken}` } })

/** A POST from `address`, as the BFF reports a browser's address to either instance. */
const postFrom = (instance: number, path: string, body: unknown, address: string) =>
  fetch(on(instance, path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify(body),
  })

describe.skipIf(secondBaseUrl === null)('two instances on one store (needs CONTRACT_SECOND_BASE_URL)', () => {
  it.skipIf(!hasLongOverlap)(
    '20 parallel refreshes of one token, spread over both, issue one successor and keep the family (needs CONTRACT_REFRESH_OVERLAP_SECONDS ≥ 5)',
    async () => {
      const session = await signIn()

      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => refreshOn(i % 2, session.refreshToken)))

      // Inside the overlap window every loser is answered with the winner's
      // successor: all succeed, and exactly one new refresh token exists.
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as LoginResponse[]
      const successors = new Set(bodies.map((body) => body.refreshToken))
      expect(successors.size).toBe(1)
      const [successor] = successors
      expect(successor).not.toBe(session.refreshToken)

      // Not a replay: the family is not revoked on either instance, and goes on from that successor.
      for (const instance of [0, 1]) expect((await meOn(instance, bodies[0].accessToken)).status).toBe(200)
      const next = await refreshOn(1, successor)
      expect(next.status).toBe(200)
      const nextBody = (await next.json()) as LoginResponse
      expect(nextBody.refreshToken).not.toBe(successor)
      expect((await meOn(0, nextBody.accessToken)).status).toBe(200)
    },
  )

  it('a replay on one instance revokes the family on the other', async () => {
    const session = await signIn()
    const first = (await (await refreshOn(1, session.refreshToken)).json()) as LoginResponse
    const second = (await (await refreshOn(1, first.refreshToken)).json()) as LoginResponse
    expect((await meOn(1, second.accessToken)).status).toBe(200)

    // Two generations old on the first instance: no overlap window covers it.
    expect((await refresh(session.refreshToken)).status).toBe(401)
    expect((await refreshOn(1, second.refreshToken)).status).toBe(401)
    expect((await meOn(1, second.accessToken)).status).toBe(401)
  })

  // Per-client limits counted in each process would grant one limit per instance.
  it('a registration flood spread over both instances is refused past the one limit', async () => {
    const network = uniqueAddress().replace(/::1$/, '')
    const statuses: number[] = []
    for (let i = 1; i <= registrationsPerClient + 2; i++) {
      const body = { name: 'Flood', email: uniqueEmail(), password: 'flood-password' }
      const response = await postFrom(i % 2, '/api/auth/register', body, `${network}::${i.toString(16)}`)
      statuses.push(response.status)
      await response.body?.cancel()
    }
    expect(statuses).toEqual([...Array<number>(registrationsPerClient).fill(201), 429, 429])
  })

  it('failed sign-ins on one instance lock the same client out of the other', async () => {
    const account = await registerAccount()
    const stranger = uniqueAddress()
    let status = 0
    for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
      const response = await postFrom(0, '/api/auth/login', { email: account.email, password: 'wrong-password' }, stranger)
      status = response.status
      await response.body?.cancel()
    }
    expect(status).toBe(429)

    // The second instance saw none of those failures, yet refuses that client even the right password.
    const elsewhere = await postFrom(1, '/api/auth/login', { email: account.email, password: account.password }, stranger)
    expect(elsewhere.status).toBe(429)
    expect(Number(elsewhere.headers.get('retry-after'))).toBeGreaterThan(0)
    await elsewhere.body?.cancel()
    expect((await postFrom(1, '/api/auth/login', { email: account.email, password: account.password }, account.address)).status).toBe(200)
  })
})
