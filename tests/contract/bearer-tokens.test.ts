import { randomBytes } from 'node:crypto'
import { SignJWT, decodeJwt, type JWTPayload } from 'jose'
import { describe, expect, inject, it } from 'vitest'
import { apiFetch, expectBearerChallenge, signIn } from './api-client'

const signingKey = inject('contractJwtSigningKey')
const needsKey = 'needs CONTRACT_JWT_SIGNING_KEY to sign its own tokens'

const getMe = (token?: string) =>
  apiFetch('/api/users/me', { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } })

/** A real token's claims with some replaced, re-signed with `key`. */
async function forge(changes: JWTPayload, key: string | Uint8Array) {
  const { accessToken } = await signIn()
  const claims = { ...decodeJwt(accessToken), ...changes }
  const secret = typeof key === 'string' ? new TextEncoder().encode(key) : key
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret)
}

const now = () => Math.floor(Date.now() / 1000)

describe('bearer authentication', () => {
  it('answers a request without a token with a bare Bearer challenge', async () => {
    await expectBearerChallenge(await getMe(), { invalidToken: false })
  })

  it('refuses a token that is not a JWT', async () => {
    await expectBearerChallenge(await getMe('not-a-jwt'), { invalidToken: true })
  })

  it('refuses a token signed with another key', async () => {
    const token = await forge({}, randomBytes(32))
    await expectBearerChallenge(await getMe(token), { invalidToken: true })
  })

  it('refuses a token whose payload was altered', async () => {
    const { accessToken } = await signIn()
    const [header, payload, signature] = accessToken.split('.')
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url')
    await expectBearerChallenge(await getMe(`${header}.${altered}.${signature}`), { invalidToken: true })
  })

  it('refuses alg "none"', async () => {
    const { accessToken } = await signIn()
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    const unsigned = `${header}.${accessToken.split('.')[1]}.`
    await expectBearerChallenge(await getMe(unsigned), { invalidToken: true })
  })

  it.skipIf(!signingKey)(`refuses an expired token and says when it expired (${needsKey})`, async () => {
    const token = await forge({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }, signingKey!)
    const header = await expectBearerChallenge(await getMe(token), { invalidToken: true })
    expect(header).toContain(`error_description="The token expired at '`)
  })

  it.skipIf(!signingKey)(`refuses a token for another audience (${needsKey})`, async () => {
    const token = await forge({ aud: 'some-other-api' }, signingKey!)
    const header = await expectBearerChallenge(await getMe(token), { invalidToken: true })
    expect(header).toContain(`The audience 'some-other-api' is invalid`)
  })

  it.skipIf(!signingKey)(`refuses a token from another issuer (${needsKey})`, async () => {
    const token = await forge({ iss: 'https://someone-else.example' }, signingKey!)
    const header = await expectBearerChallenge(await getMe(token), { invalidToken: true })
    expect(header).toContain(`The issuer 'https://someone-else.example' is invalid`)
  })

  it.skipIf(!signingKey)(`accepts a correctly forged token, so the refusals above are for their stated reason (${needsKey})`, async () => {
    const token = await forge({}, signingKey!)
    expect((await getMe(token)).status).toBe(200)
  })
})
