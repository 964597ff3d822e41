import { randomUUID } from 'node:crypto'
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose'
import type { Clock } from './clock'
import type { MockConfig } from './mock-config'
import { isStoreUnavailable } from './store-unavailable'
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

/**
 * Demo only (POST /api/demo/expire-access-token): jti → when it was expired
 * early, each remembered until the token would have expired anyway. In
 * memory here, in Redis with REDIS_URL (redis-expired-early-list.ts).
 */
export interface ExpiredEarlyList {
  get(jti: string): Promise<number | undefined>
  add(jti: string, at: number, forgetAt: number): Promise<void>
}

interface Sources {
  /** The HS256 key: the configured one, or with REDIS_URL the one every instance shares (redis-signing-key.ts). */
  signingKey?: () => Promise<string>
  expiredEarly?: ExpiredEarlyList
}

export function createAccessTokens(config: MockConfig, clock: Clock, sources: Sources = {}) {
  const { signingKey = async () => config.jwtSigningKey, expiredEarly = memoryExpiredEarlyList(clock) } = sources
  let key: Promise<Uint8Array> | undefined
  // Resolved once; a failure (Redis unreachable) is not kept, so the next request tries again.
  const getKey = () =>
    (key ??= signingKey().then(
      (text) => new TextEncoder().encode(text),
      (error: unknown) => {
        key = undefined
        throw error
      },
    ))

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
      .sign(await getKey())
    return { token, expiresIn: config.accessTokenSeconds }
  }
  // #endregion issue

  async function verify(token: string): Promise<AccessTokenCheck> {
    try {
      const secret = await getKey()
      const { payload } = await jwtVerify<AccessTokenClaims>(token, secret, {
        algorithms,
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
        clockTolerance: config.clockSkewSeconds,
        // jose would read the wall clock; the injected clock keeps tests exact.
        currentDate: new Date(clock()),
        requiredClaims: ['sub', 'exp', 'nbf', 'jti', 'sid'],
      })
      const early = await expiredEarly.get(payload.jti)
      if (early !== undefined) return { ok: false, description: `The token expired at '${invariantDate(early / 1000)}'` }
      return { ok: true, claims: payload }
    } catch (error) {
      if (isStoreUnavailable(error)) throw error
      return { ok: false, description: describeFailure(error) }
    }
  }

  /**
   * Demo only: from now on the API treats this token as expired, exactly as
   * when its `exp` passes. Remembered until the token would have expired anyway.
   */
  async function expireNow({ jti, exp }: AccessTokenClaims): Promise<void> {
    await expiredEarly.add(jti, clock(), ((exp ?? 0) + config.clockSkewSeconds) * 1000)
  }

  return { issue, verify, expireNow }
}

export function memoryExpiredEarlyList(clock: Clock): ExpiredEarlyList {
  const entries = new Map<string, { at: number; forgetAt: number }>()
  return {
    async get(jti) {
      return entries.get(jti)?.at
    },
    async add(jti, at, forgetAt) {
      const now = clock()
      for (const [id, entry] of entries) if (entry.forgetAt <= now || entries.size >= maxExpiredEarly) entries.delete(id)
      entries.set(jti, { at, forgetAt })
    },
  }
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
