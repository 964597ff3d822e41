import { NextResponse, type NextRequest } from 'next/server'
import { needsRefresh } from '@/demos/lib/auth/access-token-expiry'
import { clearAuthCookies, setAuthCookies } from '@/demos/lib/auth/auth-cookies'
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/demos/lib/auth/cookie-options'
import { renderWithReturnPath } from '@/demos/lib/auth/return-path'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'
import { clientAddress } from '@/demos/lib/http/client-address'
import { refreshAtApi } from '@/demos/lib/session/refresh-at-api'
import { refreshOnce } from '@/demos/lib/session/refresh-once'

// #region proxy
/**
 * The optimistic first layer, and the only place a page request can refresh:
 * Server Components cannot set cookies. It is NOT the security boundary
 * (requests can skip it, see CVE-2025-29927): the DAL and the API are.
 */
export async function proxy(request: NextRequest) {
  // Sign-in and the other open pages render as they are.
  if (!PROTECTED.test(request.nextUrl.pathname)) return renderWithReturnPath(request)
  // 1. An access token that is not about to expire: render. Only `exp` is read here.
  if (!needsRefresh(request.cookies.get(ACCESS_COOKIE)?.value)) return renderWithReturnPath(request)

  // 2. Missing or expiring, and nothing to refresh it with: sign in, then come back.
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value
  if (!refreshToken) return signIn(request)

  // 3. Refresh server to server, before anything renders with a dead token:
  //    once for every request carrying this token, on any instance.
  const outcome = await refreshOnce(refreshToken, () => refreshAtApi(refreshToken, clientAddress(request)))
  if (!outcome.ok) {
    // 4. Failed: sign in. Delete the cookies only if the API refused them;
    //    after an outage the refresh token may still work.
    const response = signIn(request)
    if (outcome.rejected) clearAuthCookies(response)
    return response
  }

  // 5. Server Components in THIS request must render with the new token.
  //    Set-Cookie is for the browser's next request: rewrite the Cookie header
  //    this render reads, rather than count on Next copying it across.
  request.cookies.set(ACCESS_COOKIE, outcome.tokens.accessToken)
  request.cookies.set(REFRESH_COOKIE, outcome.tokens.refreshToken)
  const response = renderWithReturnPath(request)
  // 6. The browser stores the new pair for every later request.
  setAuthCookies(response, outcome.tokens)
  return response
}

function signIn(request: NextRequest) {
  // A page, never the POST-only refresh route: a navigation cannot POST.
  const response = NextResponse.redirect(new URL(loginUrl(request.nextUrl.pathname + request.nextUrl.search), request.url))
  // Lets a reader (and the tests) tell this redirect from the DAL's identical one.
  response.headers.set('x-bff-redirected-by', 'proxy.ts')
  return response
}

// The pages it guards, and a goal's file download (Workflow E): a plain link
// the browser follows, so unlike the typed client it cannot refresh after a 401
// and try again. Without this, an idle reader's download would save the 401.
const PROTECTED = /^\/demo\/(account|goals|session)(\/|$)|^\/api\/proxy\/goals\/[^/]+\/attachments\/[^/]+$/

// Docs pages, the rest of the API and static files never run it.
export const config = {
  matcher: ['/demo/:path*', '/api/proxy/goals/:goal/attachments/:file'],
}
// #endregion proxy
