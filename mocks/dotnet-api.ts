import 'server-only'
import { createDotnetApi, type DotnetApi } from './create-dotnet-api'
import { loadMockConfig } from './mock-config'

/** Where the Next route mounts the API (app/dotnet/[[...path]]/route.ts). */
export const dotnetBasePath = '/dotnet'

// On globalThis rather than in a module variable: Next dev reloads modules and
// builds separate bundles per route, and each copy would otherwise get its own
// accounts and signing key. The state lasts as long as the server process.
const globalKey = Symbol.for('bff-jwt-reference.dotnet-api')
type GlobalWithApi = typeof globalThis & { [globalKey]?: DotnetApi }

/** The site's one instance, configured from the environment on first use. */
export function getDotnetApi(): DotnetApi {
  const holder = globalThis as GlobalWithApi
  return (holder[globalKey] ??= createDotnetApi({ config: loadMockConfig() }))
}

/**
 * Entry point for the Next route: serves `/dotnet/**` with the MSW handlers.
 * `peerAddress` is the TCP peer where the server reports it (server.mjs).
 */
export function handleDotnetRequest(request: Request, peerAddress?: string): Promise<Response> {
  return getDotnetApi().handle(request, { basePath: dotnetBasePath, peerAddress })
}
