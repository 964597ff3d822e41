import { decodeJwt } from 'jose'

/**
 * Refresh this long before `exp`: a token that expires halfway through a
 * render fails the rest of it, and the BFF's clock may run behind the API's.
 */
export const REFRESH_LEEWAY_SECONDS = 30

// #region needs-refresh
/**
 * Whether proxy.ts should refresh before rendering: no access token, or one
 * that expires within the leeway. It decodes `exp` WITHOUT verifying the
 * signature: this only decides whether to refresh early, never whether to
 * trust the token (the DAL asks the API for that). A token it cannot read is
 * left to the DAL too.
 */
export function needsRefresh(accessToken: string | undefined, now = Date.now()): boolean {
  if (!accessToken) return true
  try {
    const { exp } = decodeJwt(accessToken)
    return typeof exp === 'number' && exp - REFRESH_LEEWAY_SECONDS <= now / 1000
  } catch {
    return false
  }
}
// #endregion needs-refresh
