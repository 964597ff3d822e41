import { NextResponse, type NextRequest } from 'next/server'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-names'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'

// #region proxy
/**
 * The optimistic first layer. It only looks for the cookie, so a signed-out
 * reader is sent to sign in before any rendering starts. It is NOT the security
 * boundary (requests can skip it, see CVE-2025-29927): the DAL and the API are.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search
  // 1. No access cookie: redirect to sign in, remembering where the reader was going.
  if (!request.cookies.has(ACCESS_COOKIE)) {
    return NextResponse.redirect(new URL(loginUrl(path), request.url))
  }
  // 2. Tell Server Components where they render, so a later 401 can come back here.
  const headers = new Headers(request.headers)
  headers.set('x-bff-path', path)
  return NextResponse.next({ request: { headers } })
}

// Only protected demo routes. Docs pages, the API and static files never run it.
export const config = {
  matcher: ['/demo/account/:path*', '/demo/goals/:path*'],
}
// #endregion proxy
