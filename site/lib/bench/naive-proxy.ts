import 'server-only'
import { cookies } from 'next/headers'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { dotnetApiUrl } from '@/demos/lib/http/api-config'

/**
 * The switch the benchmark sets on the servers it starts. Anywhere else the
 * route does not exist: it forwards any path with the reader's token and none
 * of the proxy's checks, which is what makes it the comparison and not a route
 * a deployment may carry.
 */
export const NAIVE_PROXY_ENV = 'BENCH_NAIVE_PROXY'

export const naiveProxyEnabled = () => process.env[NAIVE_PROXY_ENV] === '1'

// #region naive-proxy
/**
 * The proxy most tutorials show, kept as they write it so the benchmark
 * measures the pattern this site's proxy replaces (bench/proxy-overhead.ts):
 * the cookie from `cookies()`, `fetch` with the bearer header, and the body
 * read whole and returned. No allowlist, no timeout, no streaming, no header
 * filtering, and `fetch` asks the API for a compressed body that is inflated
 * here again. Only GET is wired up: the benchmark measures one read, and a
 * naive POST would be a cross-site request forgery waiting to happen.
 */
export async function naiveProxy(path: string[], search: string): Promise<Response> {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value
  const upstream = await fetch(`${dotnetApiUrl()}/api/${path.join('/')}${search}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  return new Response(await upstream.text(), {
    status: upstream.status,
    headers: { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' },
  })
}
// #endregion naive-proxy
