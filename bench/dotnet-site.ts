// The second system under test: the ASP.NET Core API (dotnet/Api) on a free
// loopback port, and a second production server of the same build pointed at
// it with DOTNET_API_URL. Both are stopped by their process ids.
import { spawnSync } from 'node:child_process'
import { BENCH_SERVER_ENV, processTreeRss, startServer, type BenchServer } from './bench-server'

/** How the .NET API was run, or why it was not. Recorded in results.json. */
export type DotnetApiStatus =
  | { measured: true; sdk: string; settings: Record<string, string> }
  | { measured: false; reason: string }

export type DotnetSite = { site: BenchServer; api: { url: string; pid: number; rssBytes: () => number }; stop: () => Promise<void> }

// `scripts/dotnet/start-dotnet-api.mjs` is plain JavaScript (typed by JSDoc), outside what tsc checks.
type StartDotnetApi = (options: { env?: Record<string, string>; build?: boolean }) => Promise<{ url: string; pid: number; stop: () => Promise<void> }>

/** The SDK's version, or null when `dotnet` is not on the PATH. */
export function dotnetSdkVersion(): string | null {
  const probe = spawnSync('dotnet', ['--version'], { encoding: 'utf8' })
  return probe.error || probe.status !== 0 ? null : probe.stdout.trim()
}

// #region bench-dotnet-settings
/**
 * PBKDF2 iterations for PasswordHasher<T> in the benchmark. The production
 * setting (appsettings.json) is 100,000; on this kind of machine one hash at
 * 60,000 costs about what one scrypt hash of the mock costs, so each sign-in
 * asks the same work of both APIs. measurePasswordCost records both per run.
 */
export const BENCH_PBKDF2_ITERATIONS = 60_000

/** The settings the API runs with, as ASP.NET Core configuration keys. */
export function dotnetApiSettings(): Record<string, string> {
  return {
    Demo__Enabled: 'true',
    // The site's server gets the same key, as it would in a deployment.
    Jwt__SigningKey: BENCH_SERVER_ENV.JWT_SIGNING_KEY,
    PasswordHasher__IterationCount: String(BENCH_PBKDF2_ITERATIONS),
    // The same reason as BENCH_SERVER_ENV: a hundred accounts register and sign
    // in again and again from one address (the BFF's), which a deployment would refuse.
    LoginLimits__RequestsPerClientPerMinute: '1000000',
    LoginLimits__FailuresPerClient: '1000000',
    Accounts__RegistrationsPerClient: '1000000',
    // Only warnings on the console, as the site's server logs nothing per request.
    Logging__LogLevel__Default: 'Warning',
  }
}
// #endregion bench-dotnet-settings

export async function startDotnetSite(): Promise<DotnetSite> {
  const modulePath = new URL('../scripts/dotnet/start-dotnet-api.mjs', import.meta.url).href
  const { startDotnetApi } = (await import(modulePath)) as { startDotnetApi: StartDotnetApi }
  // build: true, so the API measured is the code in dotnet/ now, not an older build.
  const api = await startDotnetApi({ build: true, env: dotnetApiSettings() })
  let site: BenchServer
  try {
    site = await startServer({ DOTNET_API_URL: api.url })
  } catch (error) {
    await api.stop()
    throw error
  }
  return {
    site,
    api: { url: api.url, pid: api.pid, rssBytes: () => processTreeRss(api.pid) },
    stop: async () => {
      await site.stop()
      await api.stop()
    },
  }
}
