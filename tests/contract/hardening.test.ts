import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { describe, expect, inject, it } from 'vitest'
import { apiFetch, apiUrl, callJson, expectBearerChallenge, expectProblem, login, registerAccount, signIn, uniqueAddress } from './api-client'

// Findings of the live attack on the site (issue 19) that the API itself must hold.

describe('bad input never reaches a 500', () => {
  const nested = (depth: number) => `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`

  it('a body nested 3,000 levels deep is a 400 ProblemDetails', async () => {
    const { accessToken } = await signIn()
    const response = await apiFetch('/api/goals', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: nested(3000),
    })
    await expectProblem(response, 400)
  })

  it('the TRACE method on a known path is a 405 with Allow', async () => {
    // fetch refuses to send TRACE, so this goes through node:http.
    const { status, headers } = await rawRequest('TRACE', '/api/goals')
    expect(status).toBe(405)
    expect(headers.allow).toMatch(/GET/)
  })

  // Zero-width characters, direction marks, line and paragraph separators, the
  // Arabic letter mark, and a lone surrogate: each can make a title look like another.
  it.each(['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u061c', '\ud800'])(
    'a goal title carrying U+%s is refused',
    async (character) => {
      const { accessToken } = await signIn()
      const response = await callJson('POST', '/api/goals', { title: `Pay${character}pal` }, { token: accessToken })
      const body = await expectProblem(response, 400)
      expect(Object.keys(body.errors ?? {})).toContain('Title')
    },
  )
})

describe('responses a cache must not keep', () => {
  it('sign-in, the user and the goals are Cache-Control: no-store', async () => {
    const account = await registerAccount()
    const signInResponse = await callJson('POST', '/api/auth/login', account, { address: account.address })
    expect(signInResponse.headers.get('cache-control')).toMatch(/no-store/)
    const { accessToken } = await signInResponse.json()
    for (const path of ['/api/users/me', '/api/goals']) {
      const response = await callJson('GET', path, undefined, { token: accessToken })
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toMatch(/no-store/)
    }
  })

  it('Location never takes its scheme or host from forwarding headers a client wrote', async () => {
    const { accessToken } = await signIn()
    const response = await callJson('POST', '/api/goals', { title: 'Where am I' }, {
      token: accessToken,
      headers: { 'X-Forwarded-Proto': 'gopher', 'X-Forwarded-Host': 'evil.example' },
    })
    expect(response.status).toBe(201)
    const location = response.headers.get('location') ?? ''
    expect(location).not.toMatch(/gopher|evil\.example/)
  })
})

describe('sign-in failures lock out only the client that failed', () => {
  it("a stranger's six wrong passwords do not lock the owner out", async () => {
    const account = await registerAccount()
    const stranger = uniqueAddress()
    for (let i = 0; i < 6; i++) {
      await callJson('POST', '/api/auth/login', { email: account.email, password: 'wrong-password' }, { address: stranger })
    }
    const strangerAgain = await callJson('POST', '/api/auth/login', { email: account.email, password: account.password }, { address: stranger })
    expect(strangerAgain.status).toBe(429)
    await login(account)
  })
})

describe('logout ends the session', () => {
  it('with only the access token, revokes the family its sid names', async () => {
    const { accessToken, refreshToken } = await signIn()
    const response = await callJson('POST', '/api/auth/logout', {}, { token: accessToken })
    expect(response.status).toBe(204)
    await expectBearerChallenge(await callJson('GET', '/api/users/me', undefined, { token: accessToken }), { invalidToken: true })
    expect((await callJson('POST', '/api/auth/refresh', { refreshToken })).status).toBe(401)
  })

  it('with neither token it is still a quiet 204', async () => {
    expect((await callJson('POST', '/api/auth/logout', {})).status).toBe(204)
    expect((await callJson('POST', '/api/auth/logout', { refreshToken: randomUUID() }, { token: 'not-a-token' })).status).toBe(204)
  })
})

// Demo only: a real API has no demo controls. See demo-controls.test.ts.
describe.runIf(inject('contractDemoControls'))('demo controls belong to one session', () => {
  it('"down" set by one session of an account does not reach its other sessions', async () => {
    const account = await registerAccount()
    const first = await login(account)
    const second = await login(account)
    const down = await callJson('PUT', '/api/demo/controls', { down: true }, { token: first.accessToken })
    expect(down.status).toBe(200)
    expect((await callJson('GET', '/api/users/me', undefined, { token: first.accessToken })).status).toBe(503)
    expect((await callJson('GET', '/api/users/me', undefined, { token: second.accessToken })).status).toBe(200)
    await callJson('DELETE', '/api/demo/controls', undefined, { token: first.accessToken })
  })
})

function rawRequest(method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(apiUrl(path), { method }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}
