import { baseURL } from '../../../playwright.config'

/**
 * Where a spec reaches the .NET API directly, past the BFF: the external API
 * when the site runs on one (DOTNET_API_URL, as demos/lib/api/api-config.ts
 * reads it), otherwise the site's own mock at /dotnet.
 */
export function apiBaseURL(): string {
  const configured = process.env.DOTNET_API_URL?.trim()
  return configured ? configured.replace(/\/+$/, '') : `${baseURL}/dotnet`
}
