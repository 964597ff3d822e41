import dotnetSettings from '@/dotnet/Api/appsettings.json'
import { REFRESH_LEEWAY_SECONDS } from '@/demos/lib/auth/access-token-expiry'
import { AUTH_RATE_LIMIT_DEFAULTS } from '@/demos/lib/http/auth-rate-limit'
import { MAX_BODY_BYTES } from '@/demos/lib/http/read-json-body'
import { PROXY_MAX_BODY_BYTES } from '@/demos/lib/proxy/forward-to-api'
import { REFRESH_FLIGHT_TIMING } from '@/demos/lib/session/refresh-once'
import { REFRESH_BURST } from '@/site/lib/token-controls/refresh-burst'
import { TRACE_SESSION_RATE } from '@/site/lib/trace/open-trace-session'
import { defaultMockConfig } from '@/mocks/mock-config'
import { UPLOAD_FILE_BYTES } from '@/bench/upload-path'

/**
 * The numbers the docs state in prose, each read from the constant the code
 * uses, so a page cannot say 15 minutes while the API issues 10. A page imports
 * what it states: `import { PROSE_NUMBERS as n } from '…'`, then `{n.accessTokenMinutes}`.
 * tests/unit/docs/prose-numbers.test.ts fails when a page types one of them by hand.
 */
export const PROSE_NUMBERS = {
  /** The mock API's access token lifetime (the C# API's default is checked equal in the test). */
  accessTokenMinutes: defaultMockConfig.accessTokenSeconds / 60,
  clockSkewSeconds: defaultMockConfig.clockSkewSeconds,
  overlapSeconds: defaultMockConfig.refreshReuseOverlapSeconds,
  /** A token family's absolute lifetime. */
  refreshFamilyDays: defaultMockConfig.refreshFamilySeconds / 86_400,
  /** proxy.ts refreshes this long before `exp`. */
  refreshLeewaySeconds: REFRESH_LEEWAY_SECONDS,
  /** The proxy's cap and the BFF's own routes' cap. */
  bodyCapKiB: kib(PROXY_MAX_BODY_BYTES),
  routeBodyCapKiB: kib(MAX_BODY_BYTES),
  authRateLimit: AUTH_RATE_LIMIT_DEFAULTS.limit,
  authRateWindowSeconds: AUTH_RATE_LIMIT_DEFAULTS.windowSeconds,
  /** How long one instance's refresh result stays readable to the others (multi-instance page). */
  refreshResultSeconds: REFRESH_FLIGHT_TIMING.resultMs / 1000,
  /** The session demo's "Send N requests at once". */
  refreshBurst: REFRESH_BURST,
  /** The wire inspector's trace sessions a client address may start per window. */
  traceSessionLimit: TRACE_SESSION_RATE.limit,
  traceSessionWindowSeconds: TRACE_SESSION_RATE.windowSeconds,
  /** Workflow E: an upload token's lifetime, the largest file a grant may declare, an account's files in all. */
  uploadGrantMinutes: defaultMockConfig.uploadGrantSeconds / 60,
  maxUploadMiB: mib(defaultMockConfig.maxUploadBytes),
  uploadQuotaMiB: mib(defaultMockConfig.uploadQuotaBytes),
  /** The file the upload benchmark sends both ways. */
  benchUploadMiB: mib(UPLOAD_FILE_BYTES),
  dotnetUploadGrantMinutes: dotnetSettings.Uploads.GrantSeconds / 60,
  dotnetMaxUploadMiB: mib(dotnetSettings.Uploads.MaxFileBytes),
  dotnetUploadQuotaMiB: mib(dotnetSettings.Uploads.AccountQuotaBytes),
  dotnetAccessTokenMinutes: dotnetSettings.Jwt.AccessTokenSeconds / 60,
  dotnetClockSkewSeconds: dotnetSettings.Jwt.ClockSkewSeconds,
  dotnetOverlapSeconds: dotnetSettings.RefreshTokens.OverlapSeconds,
} as const

function kib(bytes: number) {
  if (bytes % 1024 !== 0) throw new Error(`prose-numbers: ${bytes} bytes is not a whole number of KiB`)
  return bytes / 1024
}

function mib(bytes: number) {
  if (bytes % 2 ** 20 !== 0) throw new Error(`prose-numbers: ${bytes} bytes is not a whole number of MiB`)
  return bytes / 2 ** 20
}
