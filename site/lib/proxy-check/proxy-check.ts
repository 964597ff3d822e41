import type { NextRequest, NextResponse } from 'next/server'
import { COOKIE_FLAGS, cookieName } from '@/demos/lib/auth/cookie-options'

/**
 * Demo only: when "off", the site's proxy.ts skips the session check for this
 * browser (see the route protection page). It grants nothing: the DAL and the
 * API still check every request, which is the point the page makes.
 */
export const PROXY_CHECK_COOKIE = cookieName('bff.demo-proxy-check')

export function proxyCheckIsOff(request: NextRequest): boolean {
  return request.cookies.get(PROXY_CHECK_COOKIE)?.value === 'off'
}

export function setProxyCheck(response: NextResponse, enabled: boolean) {
  // An hour is long enough to experiment and short enough to be forgotten safely.
  response.cookies.set(PROXY_CHECK_COOKIE, enabled ? '' : 'off', { ...COOKIE_FLAGS, maxAge: enabled ? 0 : 3600 })
}
