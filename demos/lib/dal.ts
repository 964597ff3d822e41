import 'server-only'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { getAnonymousApi } from '@/demos/lib/api/server-client'
import { bearerAuthorization } from '@/demos/lib/auth/bearer'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { returnPath } from '@/demos/lib/auth/return-path'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'

export type Session = { user: { id: string; name: string; email: string; role: string } }

// #region get-session
/**
 * The Data Access Layer: the real security boundary. proxy.ts only reads the
 * token's `exp`, unverified, to refresh in time; this checks that the API
 * accepts the token.
 * `cache()` makes it run once per request however many components ask.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  // 1. Read the access token from its httpOnly cookie. A value that is not
  //    even shaped like a token is no session, not an error.
  const authorization = bearerAuthorization((await cookies()).get(ACCESS_COOKIE)?.value)
  if (!authorization) return null
  // 2. Let the API verify it (signature, algorithm, exp, nbf, iss, aud): the
  //    BFF holds no signing key, and a cookie's presence proves nothing.
  const { data, response } = await getAnonymousApi().GET('/api/users/me', {
    headers: { Authorization: authorization },
  })
  // 3. 401 means the token is forged, expired or revoked: no session. No
  //    refresh here: a Server Component cannot set cookies, so the new pair
  //    would be lost. proxy.ts refreshes before the render instead.
  if (response.status === 401) return null
  if (!data) throw new Error(`The API answered ${response.status} to GET /api/users/me`)
  return { user: data }
})

/** For pages that need a user: the session, or a redirect to sign in and come back here. */
export async function verifySession(): Promise<Session> {
  const session = await getSession()
  if (!session) redirect(loginUrl(await returnPath()))
  return session
}
// #endregion get-session
