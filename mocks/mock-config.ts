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
  maxAccounts: 1000,
  maxGoalsPerAccount: 100,
  maxBodyBytes: 16 * 1024,
  maxRateLimitKeys: 10_000,
  maxRefreshTokens: 20_000,
  demoControlsSeconds: 10 * 60,
  knownProxies: ['127.0.0.1', '::1'],
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
} as const
// #endregion defaults

const numericEnv: Record<Exclude<keyof MockConfig, 'jwtSigningKey' | 'jwtIssuer' | 'jwtAudience' | 'knownProxies'>, string> = {
  accessTokenSeconds: 'DOTNET_MOCK_ACCESS_TOKEN_SECONDS',
  clockSkewSeconds: 'DOTNET_MOCK_CLOCK_SKEW_SECONDS',
  refreshFamilySeconds: 'DOTNET_MOCK_REFRESH_FAMILY_SECONDS',
  refreshReuseOverlapSeconds: 'DOTNET_MOCK_REFRESH_REUSE_OVERLAP_SECONDS',
  loginFailuresPerAccountAndClient: 'DOTNET_MOCK_LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT',
  loginFailuresPerClient: 'DOTNET_MOCK_LOGIN_FAILURES_PER_CLIENT',
  loginFailureWindowSeconds: 'DOTNET_MOCK_LOGIN_FAILURE_WINDOW_SECONDS',
  maxAccounts: 'DOTNET_MOCK_MAX_ACCOUNTS',
  maxGoalsPerAccount: 'DOTNET_MOCK_MAX_GOALS_PER_ACCOUNT',
  maxBodyBytes: 'DOTNET_MOCK_MAX_BODY_BYTES',
  maxRateLimitKeys: 'DOTNET_MOCK_MAX_RATE_LIMIT_KEYS',
  maxRefreshTokens: 'DOTNET_MOCK_MAX_REFRESH_TOKENS',
  demoControlsSeconds: 'DOTNET_MOCK_DEMO_CONTROLS_SECONDS',
}

// The overlap window and skew may be 0; everything else must be positive.
const mayBeZero = new Set(['clockSkewSeconds', 'refreshReuseOverlapSeconds'])

export function resolveMockConfig(overrides: Partial<MockConfig> = {}): MockConfig {
  const config = { ...defaultMockConfig, ...overrides, jwtSigningKey: overrides.jwtSigningKey ?? randomSigningKey() }
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
  if (env.JWT_SIGNING_KEY) {
    assertSigningKey(env.JWT_SIGNING_KEY, 'JWT_SIGNING_KEY')
    overrides.jwtSigningKey = env.JWT_SIGNING_KEY
  } else {
    // Tokens then stop verifying after a restart, which is surprising enough to say once.
    console.warn('[dotnet mock] JWT_SIGNING_KEY is not set; using a random key for this process.')
  }
  return resolveMockConfig(overrides)
}

function randomSigningKey(): string {
  return randomBytes(32).toString('base64url')
}

function assertSigningKey(key: string, name: string): void {
  if (key.length < 32) throw new Error(`${name} must be at least 32 characters (HS256 needs a 256-bit key)`)
}
