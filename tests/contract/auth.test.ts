import { describe, expect, it } from 'vitest'
import {
  callJson,
  expectProblem,
  login,
  refresh,
  registerAccount,
  signIn,
  uniqueAddress,
  uniqueEmail,
} from './api-client'

describe('POST /api/auth/login', () => {
  it('returns a token pair, lifetimes and the user', async () => {
    const session = await signIn()
    expect(session.accessToken.split('.')).toHaveLength(3)
    expect(session.refreshToken.length).toBeGreaterThanOrEqual(32)
    expect(session.expiresIn).toBeGreaterThan(0)
    expect(session.refreshTokenExpiresIn).toBeGreaterThan(0)
    expect(session.user).toMatchObject({ email: session.account.email, name: 'Contract Test', role: expect.any(String) })
  })

  it('accepts the documented demo account', async () => {
    const response = await callJson(
      'POST',
      '/api/auth/login',
      { email: 'demo@example.com', password: 'demo-password' },
      { address: uniqueAddress() },
    )
    expect(response.status).toBe(200)
    expect((await response.json()).user).toMatchObject({ email: 'demo@example.com', name: 'Demo Reader' })
  })

  it('answers a wrong password and an unknown email identically', async () => {
    const account = await registerAccount()
    const address = uniqueAddress()
    const wrongPassword = await expectProblem(
      await callJson('POST', '/api/auth/login', { email: account.email, password: 'not-the-password' }, { address }),
      401,
    )
    const unknownEmail = await expectProblem(
      await callJson('POST', '/api/auth/login', { email: uniqueEmail(), password: 'not-the-password' }, { address }),
      401,
    )
    expect(unknownEmail.title).toBe(wrongPassword.title)
    expect(unknownEmail.detail).toBe(wrongPassword.detail)
  })

  it('locks an account for the client that keeps failing, with Retry-After, even for the right password', async () => {
    const account = await registerAccount()
    // One address, and far fewer attempts than the per-client limit, so only
    // the per-account-and-client limit can trip (hardening.test.ts shows that
    // another client is not locked out).
    const address = uniqueAddress()
    let response: Response | undefined
    for (let attempt = 0; attempt < 30; attempt++) {
      response = await callJson('POST', '/api/auth/login', { email: account.email, password: 'wrong-password' }, { address })
      if (response.status === 429) break
      expect(response.status).toBe(401)
    }
    await expectProblem(response!, 429)
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0)

    const rightPassword = await callJson('POST', '/api/auth/login', account, { address })
    expect(rightPassword.status).toBe(429)
  })

  it('limits failures per client address (the X-Forwarded-For entry a trusted proxy wrote)', async () => {
    const address = uniqueAddress()
    let response: Response | undefined
    for (let attempt = 0; attempt < 100; attempt++) {
      response = await callJson('POST', '/api/auth/login', { email: uniqueEmail(), password: 'wrong-password' }, { address })
      if (response.status === 429) break
      expect(response.status).toBe(401)
    }
    await expectProblem(response!, 429)
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('rejects a malformed email with a PascalCase validation error', async () => {
    const body = await expectProblem(await callJson('POST', '/api/auth/login', { email: 'nope', password: 'x' }), 400)
    expect(body.title).toBe('One or more validation errors occurred.')
    expect(Object.keys(body.errors)).toContain('Email')
  })
})

describe('POST /api/auth/register', () => {
  it('creates an account and refuses a second one with the same email', async () => {
    const account = await registerAccount()
    const again = await callJson('POST', '/api/auth/register', { name: 'Again', ...account })
    await expectProblem(again, 409)
  })

  it('enforces the password and name policy', async () => {
    const response = await callJson('POST', '/api/auth/register', { name: '', email: uniqueEmail(), password: 'short' })
    const body = await expectProblem(response, 400)
    expect(body.errors).toHaveProperty('Password')
    expect(body.errors).toHaveProperty('Name')
  })
})

describe('GET /api/users/me', () => {
  it('returns the signed-in user', async () => {
    const session = await signIn()
    const response = await callJson('GET', '/api/users/me', undefined, { token: session.accessToken })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(session.user)
  })
})

describe('POST /api/auth/logout', () => {
  it('revokes the refresh token family and stays idempotent', async () => {
    const session = await signIn()
    const first = await callJson('POST', '/api/auth/logout', { refreshToken: session.refreshToken })
    expect(first.status).toBe(204)
    await expectProblem(await refresh(session.refreshToken), 401)

    expect((await callJson('POST', '/api/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204)
    expect((await callJson('POST', '/api/auth/logout', { refreshToken: 'never-issued' })).status).toBe(204)
  })

  it('leaves other sessions of the same account alone', async () => {
    const session = await signIn()
    const other = await login(session.account)
    await callJson('POST', '/api/auth/logout', { refreshToken: session.refreshToken })
    expect((await refresh(other.refreshToken)).status).toBe(200)
  })
})
