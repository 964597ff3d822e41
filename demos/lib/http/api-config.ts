import 'server-only'

/**
 * Where the .NET API lives. Unset, it is this site's own mock at `/dotnet`,
 * reached over loopback HTTP exactly like a remote API, so pointing
 * DOTNET_API_URL at a real ASP.NET Core service needs no code change.
 *
 * Never derive it from the incoming Host header: a forged Host would make the
 * BFF send bearer tokens to a server of the attacker's choosing.
 */
export function dotnetApiUrl(): string {
  const configured = process.env.DOTNET_API_URL?.trim()
  if (configured) return configured.replace(/\/+$/, '')
  return `http://127.0.0.1:${process.env.PORT ?? 3000}/dotnet`
}

/** Server-to-server calls give up after this long rather than hang a render. */
export const API_TIMEOUT_MS = Number(process.env.DOTNET_API_TIMEOUT_MS ?? 10_000)
