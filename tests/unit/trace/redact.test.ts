import { SignJWT } from 'jose'
import { JWT_IN_TEXT } from '@/demos/lib/auth/bearer'
import { describe, expect, it } from 'vitest'
import { describeToken, pickHeaders, redactAuthorization, redactBody, redactCookieHeader, redactSetCookie } from '@/site/lib/trace/redact'

// The product's own pattern: an alg:none token (empty signature) counts too.
const JWT_SHAPE = JWT_IN_TEXT
const now = Date.UTC(2026, 0, 1, 12, 0, 0)

async function token(expInSeconds: number) {
  return new SignJWT({ role: 'reader' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-42')
    .setExpirationTime(Math.floor(now / 1000) + expInSeconds)
    .sign(new TextEncoder().encode('redact-unit-test-signing-key-32-chars'))
}

describe('redaction', () => {
  it('shows a bearer token as its length, subject and time to expiry', async () => {
    const jwt = await token(13 * 60 + 42)
    const shown = redactAuthorization(`Bearer ${jwt}`, now)
    expect(shown).toBe(`Bearer eyJ…[redacted, ${jwt.length} chars] sub=user-42 exp in 13:42`)
    expect(shown).not.toContain(jwt.split('.')[1])
    expect(redactAuthorization(`Bearer ${await token(-75)}`, now)).toMatch(/expired 1:15 ago$/)
  })

  it('shows an opaque token as its length only', () => {
    expect(describeToken('opaque-refresh-token-value')).toBe('[redacted, 26 chars]')
    expect(redactAuthorization('Bearer', now)).toBe('[redacted]')
  })

  it('keeps a Set-Cookie header’s name and flags, never its value', () => {
    const shown = redactSetCookie('__Host-bff.access=eyJabc.def.ghi; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=lax')
    expect(shown).toBe('__Host-bff.access=[redacted, 14 chars]; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=lax')
    expect(redactSetCookie('bff.refresh=; Path=/; Max-Age=0')).toBe('bff.refresh=(empty: deletes the cookie); Path=/; Max-Age=0')
    expect(redactCookieHeader('a=secret-1; __Host-bff.refresh=secret-2')).toBe('a=[redacted]; __Host-bff.refresh=[redacted]')
  })

  it('redacts token and password fields, and JWT-shaped strings anywhere, in a JSON body', async () => {
    const jwt = await token(900)
    const body = JSON.stringify({
      accessToken: jwt,
      refreshToken: 'opaque-secret',
      user: { name: 'Demo', note: `see ${jwt}` },
      credentials: [{ password: 'demo-password' }],
    })
    const shown = redactBody(body, 'application/json', now)
    expect(shown).not.toMatch(JWT_SHAPE)
    for (const secret of [jwt, 'opaque-secret', 'demo-password']) expect(shown).not.toContain(secret)
    expect(JSON.parse(shown)).toEqual({
      accessToken: `eyJ…[redacted, ${jwt.length} chars] sub=user-42 exp in 15:00`,
      refreshToken: '[redacted, 13 chars]',
      user: { name: 'Demo', note: `see eyJ…[redacted, ${jwt.length} chars] sub=user-42 exp in 15:00` },
      credentials: [{ password: '[redacted, 13 chars]' }],
    })
  })

  it('summarises a body it cannot read as JSON instead of showing it', () => {
    expect(redactBody('password=demo-password', 'application/x-www-form-urlencoded')).toBe('[22 chars of application/x-www-form-urlencoded, not shown]')
    expect(redactBody('{"password":', 'application/json')).toBe('[12 chars of malformed JSON, not shown]')
  })

  it('picks only the allowlisted headers, redacting the secret ones', async () => {
    const jwt = await token(60)
    const headers = new Headers({ authorization: `Bearer ${jwt}`, cookie: 'bff.access=x', 'x-api-key': 'key', 'x-request-id': 'r1' })
    headers.append('set-cookie', 'bff.access=v1; HttpOnly')
    headers.append('set-cookie', 'bff.refresh=v2; HttpOnly')
    const picked = pickHeaders(headers, ['authorization', 'cookie', 'x-request-id', 'set-cookie'], now)
    expect(picked.map(([name]) => name)).toEqual(['authorization', 'cookie', 'x-request-id', 'set-cookie', 'set-cookie'])
    expect(JSON.stringify(picked)).not.toMatch(JWT_SHAPE)
    expect(JSON.stringify(picked)).not.toContain('key')
  })
})
