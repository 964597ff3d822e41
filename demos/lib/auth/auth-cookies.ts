import 'server-only'
import type { NextResponse } from 'next/server'
import { ACCESS_COOKIE, REFRESH_COOKIE, secureCookies } from './cookie-names'

export type TokenPair = {
  accessToken: string
  expiresIn: number
  refreshToken: string
  refreshTokenExpiresIn: number
}

// #region cookie-flags
const flags = {
  httpOnly: true, // page JavaScript cannot read it: an XSS bug cannot steal it
  sameSite: 'lax', // not sent on cross-site POSTs, still sent on top-level links
  path: '/',
  secure: secureCookies, // HTTPS only in production (and required by __Host-)
} as const

export function setAuthCookies(response: NextResponse, tokens: TokenPair) {
  // Each cookie lives exactly as long as the token inside it.
  response.cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...flags, maxAge: tokens.expiresIn })
  response.cookies.set(REFRESH_COOKIE, tokens.refreshToken, { ...flags, maxAge: tokens.refreshTokenExpiresIn })
}
// #endregion cookie-flags

export function clearAuthCookies(response: NextResponse) {
  response.cookies.set(ACCESS_COOKIE, '', { ...flags, maxAge: 0 })
  response.cookies.set(REFRESH_COOKIE, '', { ...flags, maxAge: 0 })
}
