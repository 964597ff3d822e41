import { randomUUID } from 'node:crypto'
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose'
import type { Clock } from './clock'
import type { MockConfig } from './mock-config'
import type { User } from './schemas'

export interface AccessTokenClaims extends JWTPayload {
  sub: string
  name: string
  email: string
  role: string
  jti: string
  /** Session id: the refresh-token family this token was issued with, so revoking the family refuses it too. */
  sid: string
}

export type AccessTokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; description?: string }

/** HS256 only: the allowlist is what refuses `alg: none` and algorithm-confusion tokens. */
const algorithms = ['HS256']

/** Entries of the demo's "expired early" list; the oldest go first past it. */
const maxExpiredEarly = 10_000

export function createAccessTokens(config: MockConfig, clock: Clock) {
  const key = new TextEncoder().encode(config.jwtSigningKey)
  // jti → when it was expired early. Demo only (POST /api/demo/expire-access-token).
  const expiredEarly = new Map<string, { at: number; forgetAt: number }>()

  // #region issue
  async function issue(user: User, sessionId: string): Promise<{ token: string; expiresIn: number }> {
    const now = Math.floor(clock() / 1000)
    const token = await new SignJWT({ name: user.name, email: user.email, role: user.role, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + config.accessTokenSeconds)
      .setIssuer(config.jwtIssuer)
      .setAudience(config.jwtAudience)
      .sign(key)
    return { token, expiresIn: config.accessTokenSeconds }
  }
  // #endregion issue

  async function verify(token: string): Promise<AccessTokenCheck> {
    try {
      const { payload } = await jwtVerify<AccessTokenClaims>(token, key, {
        algorithms,
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
        clockTolerance: config.clockSkewSeconds,
        // jose would read the wall clock; the injected clock keeps tests exact.
        currentDate: new Date(clock()),
        requiredClaims: ['sub', 'exp', 'nbf', 'jti', 'sid'],
      })
      const early = expiredEarly.get(payload.jti)
      if (early) return { ok: false, description: `The token expired at '${invariantDate(early.at / 1000)}'` }
      return { ok: true, claims: payload }
    } catch (error) {
      return { ok: false, description: describeFailure(error) }
    }
  }

  /**
   * Demo only: from now on the API treats this token as expired, exactly as
   * when its `exp` passes. Remembered until the token would have expired anyway.
   */
  function expireNow({ jti, exp }: AccessTokenClaims): void {
    const now = clock()
    for (const [id, entry] of expiredEarly) if (entry.forgetAt <= now || expiredEarly.size >= maxExpiredEarly) expiredEarly.delete(id)
    expiredEarly.set(jti, { at: now, forgetAt: ((exp ?? 0) + config.clockSkewSeconds) * 1000 })
  }

  return { issue, verify, expireNow }
}

export type AccessTokens = ReturnType<typeof createAccessTokens>

/** The `error_description` ASP.NET Core's JwtBearerHandler writes for each failure. */
function describeFailure(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) {
    return `The token expired at '${invariantDate(error.payload.exp)}'`
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = error
    if (claim === 'exp' && reason === 'missing') return 'The token has no expiration'
    if (claim === 'nbf' && reason === 'check_failed') return `The token is not valid before '${invariantDate(payload.nbf)}'`
    if (claim === 'aud') return `The audience '${[payload.aud ?? '(null)'].flat().join(', ')}' is invalid`
    if (claim === 'iss') return `The issuer '${payload.iss ?? '(null)'}' is invalid`
    return undefined
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The signature is invalid'
  // Malformed tokens and refused algorithms get a bare `error="invalid_token"`, as in ASP.NET.
  return undefined
}

/** DateTime.ToString(CultureInfo.InvariantCulture): MM/dd/yyyy HH:mm:ss, in UTC here. */
function invariantDate(seconds: number | undefined): string {
  if (seconds === undefined) return '(null)'
  const iso = new Date(seconds * 1000).toISOString()
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`
}
