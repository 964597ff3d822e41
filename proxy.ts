import { NextResponse, type NextRequest } from 'next/server'
import { needsRefresh } from '@/demos/lib/auth/access-token-expiry'
import { clearAuthCookies, setAuthCookies } from '@/demos/lib/auth/auth-cookies'
import { ACCESS_COOKIE, PROXY_CHECK_COOKIE, REFRESH_COOKIE } from '@/demos/lib/auth/cookie-names'
import { refreshAtApi } from '@/demos/lib/auth/refresh-at-api'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'
import { clientAddress } from '@/demos/lib/http/client-address'
import { applyDemoPagePolicy } from '@/demos/lib/http/content-security-policy'
import { traceProxy } from '@/demos/lib/trace/trace-proxy'

// #region proxy
/**
 * The optimistic first layer, and the only place a page request can refresh:
 * Server Components cannot set cookies. It is NOT the security boundary
 * (requests can skip it, see CVE-2025-29927): the DAL and the API are.
 */
export async function proxy(request: NextRequest) {
  // Every demo page gets a Content-Security-Policy with a fresh nonce.
  const policy = applyDemoPagePolicy(request)
  const response = await checkSession(request)
  response.headers.set('content-security-policy', policy)
  return response
}

// traceProxy only records what it did for the wire inspector; it never changes the answer.
const checkSession = traceProxy(async function checkSession(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search
  // Sign-in and the other open demo pages need only the policy.
  if (!PROTECTED.test(request.nextUrl.pathname)) return render(request, path)
  // 0. Demo switch: this reader turned the check off to watch the DAL and the API hold.
  if (request.cookies.get(PROXY_CHECK_COOKIE)?.value === 'off') return render(request, path)
  // 1. An access token that is not about to expire: render. Only `exp` is read here.
  if (!needsRefresh(request.cookies.get(ACCESS_COOKIE)?.value)) return render(request, path)

  // 2. Missing or expiring, and nothing to refresh it with: sign in, then come back.
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value
  if (!refreshToken) return signIn(request, path)

  // 3. Refresh server to server, before anything renders with a dead token.
  const outcome = await refreshAtApi(refreshToken, clientAddress(request))
  if (!outcome.ok) {
    // 4. Failed: sign in. Delete the cookies only if the API refused them;
    //    after an outage the refresh token may still work.
    const response = signIn(request, path)
    if (outcome.rejected) clearAuthCookies(response)
    return response
  }

  // 5. Server Components in THIS request must render with the new token.
  //    Set-Cookie is for the browser's next request: rewrite the Cookie header
  //    this render reads, rather than count on Next copying it across.
  request.cookies.set(ACCESS_COOKIE, outcome.tokens.accessToken)
  request.cookies.set(REFRESH_COOKIE, outcome.tokens.refreshToken)
  const response = render(request, path)
  // 6. The browser stores the new pair for every later request.
  setAuthCookies(response, outcome.tokens)
  return response
})

function render(request: NextRequest, path: string) {
  // Tell Server Components where they render, so a later 401 can come back here.
  const headers = new Headers(request.headers)
  headers.set('x-bff-path', path)
  return NextResponse.next({ request: { headers } })
}

function signIn(request: NextRequest, path: string) {
  // A page, never the POST-only refresh route: a navigation cannot POST.
  const response = NextResponse.redirect(new URL(loginUrl(path), request.url))
  // Lets a reader (and the tests) tell this redirect from the DAL's identical one.
  response.headers.set('x-bff-redirected-by', 'proxy.ts')
  return response
}

const PROTECTED = /^\/demo\/(account|goals|session)(\/|$)/

// The demo pages (for the nonce). Docs pages, the API and static files never run it.
export const config = {
  matcher: ['/demo/:path*'],
}
// #endregion proxy
