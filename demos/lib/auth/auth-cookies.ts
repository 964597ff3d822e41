import 'server-only'
import type { NextResponse } from 'next/server'
import { ACCESS_COOKIE, COOKIE_FLAGS, REFRESH_COOKIE } from './cookie-options'

export type TokenPair = {
  accessToken: string
  expiresIn: number
  refreshToken: string
  refreshTokenExpiresIn: number
}

// #region cookie-flags
export function setAuthCookies(response: NextResponse, tokens: TokenPair) {
  // Each cookie lives exactly as long as the token inside it.
  response.cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...COOKIE_FLAGS, maxAge: tokens.expiresIn })
  response.cookies.set(REFRESH_COOKIE, tokens.refreshToken, { ...COOKIE_FLAGS, maxAge: tokens.refreshTokenExpiresIn })
}
// #endregion cookie-flags

export function clearAuthCookies(response: NextResponse) {
  response.cookies.set(ACCESS_COOKIE, '', { ...COOKIE_FLAGS, maxAge: 0 })
  response.cookies.set(REFRESH_COOKIE, '', { ...COOKIE_FLAGS, maxAge: 0 })
}
