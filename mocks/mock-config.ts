import { randomBytes } from 'node:crypto'
import { z } from 'zod'

/** Runtime settings of the mock API. Every field has an env var (see README.md). */
export interface MockConfig {
  /** HS256 key; at least 32 characters so it carries 256 bits. */
  jwtSigningKey: string
  jwtIssuer: string
  jwtAudience: string
  accessTokenSeconds: number
  clockSkewSeconds: number
  /** Absolute lifetime of a refresh-token family, however often it rotates. */
  refreshFamilySeconds: number
  /**
   * How long the token a refresh just replaced may still be presented, and
   * answered with the successor already issued instead of revoking the family
   * (two tabs, or proxy.ts and a tab, refreshing at once). 0 turns it off.
   */
  refreshReuseOverlapSeconds: number
  /** Failed logins per account and client address together, so nobody else can lock an account. */
  loginFailuresPerAccountAndClient: number
  loginFailuresPerClient: number
  loginFailureWindowSeconds: number
  /**
   * Registrations per client network (client-address.ts: an IPv4 address, or
   * an IPv6 /64) per window, counted whatever the answer, as ASP.NET Core's
   * fixed-window rate limiter counts them.
   */
  registrationsPerClient: number
  registrationWindowSeconds: number
  maxAccounts: number
  maxGoalsPerAccount: number
  maxBodyBytes: number
  maxRateLimitKeys: number
  maxRefreshTokens: number
  /** How long demo controls stay on after they were last set (see demo-controls-store.ts). */
  demoControlsSeconds: number
  /**
   * Peers whose X-Forwarded-For is believed (the BFF), as ASP.NET Core's
   * ForwardedHeadersOptions.KnownProxies: loopback by default.
   */
  knownProxies: string[]
  /** Largest file one upload grant may declare (see attachment-handlers.ts). */
  maxUploadBytes: number
  /** Attachment bytes one account may hold, across its goals. */
  uploadQuotaBytes: number
  /** Attachment bytes the whole instance keeps in memory; past it the oldest files go first. */
  maxStoredUploadBytes: number
  /** How long an upload token may be used, once. */
  uploadGrantSeconds: number
  maxUploadGrants: number
  /**
   * The API's origin as the browser reaches it (DOTNET_API_PUBLIC_URL), for
   * the upload URL a grant hands out. Unset: a path on the API's own mount
   * (/dotnet on the site), so the browser uploads same-origin.
   */
  publicUrl?: string
  /** The one origin (the site's) allowed to upload cross-origin (DOTNET_API_ALLOWED_ORIGIN). Unset: none. */
  allowedOrigin?: string
  /**
   * REDIS_URL: the mock's state lives in that Redis, shared by every instance
   * on it (see README.md). Unset: in this process's memory.
   */
  redisUrl?: string
  /** What every key the mock writes in Redis starts with (default `mock:`); tests give each run its own. */
  redisKeyPrefix?: string
  /**
   * Set when no key was configured and `jwtSigningKey` is this process's
   * random one: with Redis, the instances then share one (redis-signing-key.ts).
   */
  jwtSigningKeyIsRandom?: true
}

// #region defaults
export const defaultMockConfig: Omit<MockConfig, 'jwtSigningKey'> = {
  jwtIssuer: 'https://dotnet-api.mock',
  jwtAudience: 'bff-jwt-reference',
  // #region token-lifetimes
  accessTokenSeconds: 900,
  clockSkewSeconds: 30,
  refreshFamilySeconds: 7 * 24 * 60 * 60,
  refreshReuseOverlapSeconds: 10,
  // #endregion token-lifetimes
  loginFailuresPerAccountAndClient: 5,
  loginFailuresPerClient: 50,
  loginFailureWindowSeconds: 15 * 60,
  // A reader needs one account, a household or a small office behind one
  // address a few. Ten an hour keeps one address from churning through the
  // account cap (and the CPU its password hashes cost); a workshop behind one
  // NAT raises it.
  registrationsPerClient: 10,
  registrationWindowSeconds: 60 * 60,
  maxAccounts: 1000,
  maxGoalsPerAccount: 100,
  maxBodyBytes: 16 * 1024,
  maxRateLimitKeys: 10_000,
  maxRefreshTokens: 20_000,
  demoControlsSeconds: 10 * 60,
  knownProxies: ['127.0.0.1', '::1'],
  maxUploadBytes: 25 * 1024 * 1024,
  uploadQuotaBytes: 50 * 1024 * 1024,
  maxStoredUploadBytes: 256 * 1024 * 1024,
  uploadGrantSeconds: 5 * 60,
  maxUploadGrants: 10_000,
}

/**
 * Field limits live in the zod schemas, and from there in the OpenAPI document.
 * They are constants rather than env settings so the committed client types
 * cannot depend on the environment that generated them.
 */
export const fieldLimits = {
  titleMax: 200,
  descriptionMax: 2000,
  nameMax: 100,
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 128,
  /** As sent; the stored display name is sanitized and at most storedFileNameMax. */
  fileNameMax: 1024,
  storedFileNameMax: 255,
} as const
// #endregion defaults

type TextSetting =
  | 'jwtSigningKey'
  | 'jwtIssuer'
  | 'jwtAudience'
  | 'knownProxies'
  | 'publicUrl'
  | 'allowedOrigin'
  | 'redisUrl'
  | 'redisKeyPrefix'
  | 'jwtSigningKeyIsRandom'

const numericEnv: Record<Exclude<keyof MockConfig, TextSetting>, string> = {
  accessTokenSeconds: 'DOTNET_MOCK_ACCESS_TOKEN_SECONDS',
  clockSkewSeconds: 'DOTNET_MOCK_CLOCK_SKEW_SECONDS',
  refreshFamilySeconds: 'DOTNET_MOCK_REFRESH_FAMILY_SECONDS',
  refreshReuseOverlapSeconds: 'DOTNET_MOCK_REFRESH_REUSE_OVERLAP_SECONDS',
  loginFailuresPerAccountAndClient: 'DOTNET_MOCK_LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT',
  loginFailuresPerClient: 'DOTNET_MOCK_LOGIN_FAILURES_PER_CLIENT',
  loginFailureWindowSeconds: 'DOTNET_MOCK_LOGIN_FAILURE_WINDOW_SECONDS',
  registrationsPerClient: 'DOTNET_MOCK_REGISTRATIONS_PER_CLIENT',
  registrationWindowSeconds: 'DOTNET_MOCK_REGISTRATION_WINDOW_SECONDS',
  maxAccounts: 'DOTNET_MOCK_MAX_ACCOUNTS',
  maxGoalsPerAccount: 'DOTNET_MOCK_MAX_GOALS_PER_ACCOUNT',
  maxBodyBytes: 'DOTNET_MOCK_MAX_BODY_BYTES',
  maxRateLimitKeys: 'DOTNET_MOCK_MAX_RATE_LIMIT_KEYS',
  maxRefreshTokens: 'DOTNET_MOCK_MAX_REFRESH_TOKENS',
  demoControlsSeconds: 'DOTNET_MOCK_DEMO_CONTROLS_SECONDS',
  maxUploadBytes: 'DOTNET_MOCK_MAX_UPLOAD_BYTES',
  uploadQuotaBytes: 'DOTNET_MOCK_UPLOAD_QUOTA_BYTES',
  maxStoredUploadBytes: 'DOTNET_MOCK_MAX_STORED_UPLOAD_BYTES',
  uploadGrantSeconds: 'DOTNET_MOCK_UPLOAD_GRANT_SECONDS',
  maxUploadGrants: 'DOTNET_MOCK_MAX_UPLOAD_GRANTS',
}

// The overlap window and skew may be 0; everything else must be positive.
const mayBeZero = new Set(['clockSkewSeconds', 'refreshReuseOverlapSeconds'])

export function resolveMockConfig(overrides: Partial<MockConfig> = {}): MockConfig {
  const random = overrides.jwtSigningKey === undefined ? { jwtSigningKeyIsRandom: true as const } : {}
  const config = { ...defaultMockConfig, ...overrides, jwtSigningKey: overrides.jwtSigningKey ?? randomSigningKey(), ...random }
  assertSigningKey(config.jwtSigningKey, 'jwtSigningKey')
  return config
}

/**
 * Reads the mock's settings from the environment. A bad value throws at
 * startup rather than producing a mock that behaves unlike its README.
 */
export function loadMockConfig(env: Record<string, string | undefined> = process.env): MockConfig {
  const overrides: Partial<MockConfig> = {}
  for (const [key, name] of Object.entries(numericEnv) as [keyof typeof numericEnv, string][]) {
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    const schema = mayBeZero.has(key) ? z.coerce.number().int().min(0) : z.coerce.number().int().min(1)
    const parsed = schema.safeParse(raw)
    if (!parsed.success) throw new Error(`${name} must be a ${mayBeZero.has(key) ? 'non-negative' : 'positive'} integer, got "${raw}"`)
    overrides[key] = parsed.data
  }
  if (env.DOTNET_MOCK_JWT_ISSUER) overrides.jwtIssuer = env.DOTNET_MOCK_JWT_ISSUER
  if (env.DOTNET_MOCK_JWT_AUDIENCE) overrides.jwtAudience = env.DOTNET_MOCK_JWT_AUDIENCE
  if (env.DOTNET_MOCK_KNOWN_PROXIES !== undefined) {
    overrides.knownProxies = env.DOTNET_MOCK_KNOWN_PROXIES.split(',').map((entry) => entry.trim()).filter(Boolean)
  }
  // The same names the C# API reads: they describe the deployment, not the mock.
  if (env.DOTNET_API_PUBLIC_URL) overrides.publicUrl = parseOrigin(env.DOTNET_API_PUBLIC_URL, 'DOTNET_API_PUBLIC_URL', { allowPath: true })
  if (env.DOTNET_API_ALLOWED_ORIGIN) overrides.allowedOrigin = parseOrigin(env.DOTNET_API_ALLOWED_ORIGIN, 'DOTNET_API_ALLOWED_ORIGIN', { allowPath: false })
  if (env.REDIS_URL) overrides.redisUrl = parseRedisUrl(env.REDIS_URL)
  if (env.JWT_SIGNING_KEY) {
    assertSigningKey(env.JWT_SIGNING_KEY, 'JWT_SIGNING_KEY')
    overrides.jwtSigningKey = env.JWT_SIGNING_KEY
  } else if (!overrides.redisUrl) {
    // Tokens then stop verifying after a restart, which is surprising enough to say once.
    // (With Redis, the instances share one random key instead: redis-signing-key.ts.)
    console.warn('[dotnet mock] JWT_SIGNING_KEY is not set; using a random key for this process.')
  }
  return resolveMockConfig(overrides)
}

/**
 * An http(s) URL without query or fragment. An allowed origin must be exactly
 * an origin, because CORS compares the browser's Origin header with it as text.
 */
function parseOrigin(raw: string, name: string, { allowPath }: { allowPath: boolean }): string {
  const url = URL.canParse(raw) ? new URL(raw) : null
  const path = url?.pathname.replace(/\/$/, '') ?? ''
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || (!allowPath && path !== '')) {
    throw new Error(`${name} must be an http(s) ${allowPath ? 'URL' : 'origin such as https://site.example'}, got "${raw}"`)
  }
  return allowPath ? `${url.origin}${path}` : url.origin
}

/** redis:// or rediss:// (TLS, as hosted Redis services give it). */
function parseRedisUrl(raw: string): string {
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (!url || !/^rediss?:$/.test(url.protocol) || !url.hostname) {
    throw new Error(`REDIS_URL must be a redis:// or rediss:// URL such as redis://localhost:6379, got "${raw.replace(/\/\/[^@/]*@/, '//***@')}"`)
  }
  return raw
}

function randomSigningKey(): string {
  return randomBytes(32).toString('base64url')
}

function assertSigningKey(key: string, name: string): void {
  if (key.length < 32) throw new Error(`${name} must be at least 32 characters (HS256 needs a 256-bit key)`)
}
