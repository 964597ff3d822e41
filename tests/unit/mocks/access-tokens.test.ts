import { SignJWT, decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { demoAccount } from '@/mocks/store'
import type { LoginResponse } from '@/mocks/schemas'
import { createTestApi } from './mock-client'

async function signInDemo(mock: ReturnType<typeof createTestApi>) {
  return (await (await mock.login(demoAccount.email, demoAccount.password)).json()) as LoginResponse
}

const me = (mock: ReturnType<typeof createTestApi>, token: string) => mock.send('GET', '/api/users/me', { token })

describe('access tokens', () => {
  it('carries the documented claims', async () => {
    const mock = createTestApi()
    const { accessToken, expiresIn } = await signInDemo(mock)
    const claims = decodeJwt(accessToken)
    expect(Object.keys(claims).sort()).toEqual(['aud', 'email', 'exp', 'iat', 'iss', 'jti', 'name', 'nbf', 'role', 'sid', 'sub'])
    expect(claims.exp! - claims.iat!).toBe(expiresIn)
    expect(expiresIn).toBe(900)
  })

  it('stays valid through the clock skew and expires exactly when it runs out', async () => {
    const mock = createTestApi({ accessTokenSeconds: 60, clockSkewSeconds: 30 })
    const { accessToken } = await signInDemo(mock)

    mock.advance(60 + 29)
    expect((await me(mock, accessToken)).status).toBe(200)

    mock.advance(1)
    const response = await me(mock, accessToken)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="The token expired at '01/15/2025 12:01:00'"`,
    )
  })

  it('refuses a token used before nbf minus the skew', async () => {
    const mock = createTestApi({ clockSkewSeconds: 5 })
    const { accessToken } = await signInDemo(mock)
    mock.advance(-5)
    expect((await me(mock, accessToken)).status).toBe(200)
    mock.advance(-1)
    expect((await me(mock, accessToken)).headers.get('www-authenticate')).toContain('The token is not valid before')
  })

  it('refuses alg none, other algorithms, other audiences and other issuers', async () => {
    const mock = createTestApi()
    const { accessToken } = await signInDemo(mock)
    const claims = decodeJwt(accessToken)
    const key = new TextEncoder().encode(mock.api.config.jwtSigningKey)
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${accessToken.split('.')[1]}.`
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(new Uint8Array(64).fill(7))
    const otherAudience = await new SignJWT({ ...claims, aud: 'elsewhere' }).setProtectedHeader({ alg: 'HS256' }).sign(key)
    const otherIssuer = await new SignJWT({ ...claims, iss: 'https://evil.test' }).setProtectedHeader({ alg: 'HS256' }).sign(key)

    const challenges = await Promise.all(
      [unsigned, hs512, otherAudience, otherIssuer].map(async (token) => (await me(mock, token)).headers.get('www-authenticate')),
    )
    expect(challenges).toEqual([
      'Bearer error="invalid_token"',
      'Bearer error="invalid_token"',
      `Bearer error="invalid_token", error_description="The audience 'elsewhere' is invalid"`,
      `Bearer error="invalid_token", error_description="The issuer 'https://evil.test' is invalid"`,
    ])
  })

  it('reports a bad signature the way JwtBearer does', async () => {
    const mock = createTestApi()
    const other = createTestApi({ jwtSigningKey: 'a-different-signing-key-32-chars!!!' })
    const { accessToken } = await signInDemo(other)
    const response = await me(mock, accessToken)
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The signature is invalid"')
    expect(await response.text()).toBe('')
  })
})
