import 'server-only'
import { toProxyPath } from './proxy-paths'
import type { UpstreamAnswer } from './request-upstream'

// Copied from the API's answer; everything else is dropped. An allowlist strips
// hop-by-hop headers (connection, keep-alive, transfer-encoding, te, trailer,
// upgrade, proxy-*) and Set-Cookie without naming them: the API must not set
// cookies on this site's origin. The body passes through as the API encoded
// it (the proxy never asks for compression, but an API may compress anyway),
// so Content-Encoding goes with it; Content-Length stays behind, the body is streamed.
// A download keeps what makes it safe to serve from this origin: Content-Disposition
// (a file to save, never a page to render) and nosniff (never re-typed by the browser).
const PASSED = ['content-type', 'content-encoding', 'content-disposition', 'x-content-type-options', 'etag', 'retry-after', 'www-authenticate', 'allow'] as const

/** The headers the browser gets with the API's status and body. */
export function proxyResponseHeaders(upstream: Pick<UpstreamAnswer, 'headers' | 'url'>, apiBaseUrl: string): Headers {
  const headers = new Headers()
  for (const name of PASSED) {
    const value = upstream.headers.get(name)
    if (value) headers.set(name, value)
  }
  const location = upstream.headers.get('location')
  const proxied = location && proxiedLocation(location, upstream.url, apiBaseUrl)
  if (proxied) headers.set('location', proxied)
  return headers
}

/**
 * Rewrites the API's `Location` (`{api}/api/goals/{id}`) to the proxy path the
 * browser can follow (`/api/proxy/goals/{id}`). Only the path is compared: an
 * API often names itself by an internal host. The result is always a path on
 * this site, so it can neither leak the API's address nor redirect elsewhere;
 * a location outside the API's `/api/` is dropped.
 */
function proxiedLocation(location: string, upstreamUrl: string, apiBaseUrl: string): string | null {
  if (!URL.canParse(location, upstreamUrl)) return null
  const target = new URL(location, upstreamUrl)
  const basePath = new URL(apiBaseUrl).pathname.replace(/\/+$/, '')
  if (!target.pathname.startsWith(`${basePath}/`)) return null
  const proxied = toProxyPath(target.pathname.slice(basePath.length))
  return proxied && proxied + target.search
}
