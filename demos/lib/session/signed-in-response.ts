import 'server-only'
import { NextResponse } from 'next/server'
import { setAuthCookies } from '@/demos/lib/auth/auth-cookies'
import type { SignedIn } from './login-at-api'

/** The BFF's answer to a successful sign-in: the user, and the tokens as cookies. */
export function signedInResponse(session: SignedIn, status = 200) {
  // 1. Only the user goes back to the browser: no token ever enters page JavaScript.
  const { id, name, role } = session.user
  const response = NextResponse.json({ user: { id, name, role } }, { status })
  // 2. The tokens go into httpOnly cookies…
  setAuthCookies(response, session)
  // 3. …and no browser or CDN cache may keep a response that sets them.
  response.headers.set('Cache-Control', 'no-store')
  return response
}
