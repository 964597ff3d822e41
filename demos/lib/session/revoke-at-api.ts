import 'server-only'
import { getAnonymousApi } from '@/demos/lib/api/server-client'
import { bearerAuthorization } from '@/demos/lib/auth/bearer'

/**
 * Ends the session at the API: the family of the refresh token, and the one
 * the access token's `sid` names, so a reader left with only the access
 * cookie is signed out for real too.
 */
export async function revokeAtApi({ refreshToken, accessToken }: { refreshToken?: string; accessToken?: string }) {
  const authorization = bearerAuthorization(accessToken)
  if (!refreshToken && !authorization) return
  try {
    await getAnonymousApi().POST('/api/auth/logout', {
      body: refreshToken ? { refreshToken } : {},
      headers: authorization ? { Authorization: authorization } : {},
    })
  } catch {
    // Sign-out must not fail for the reader: the cookies are deleted either way,
    // and an unrevoked family still dies at its absolute lifetime.
  }
}
