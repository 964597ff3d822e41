import 'server-only'
import { getAnonymousApi } from '@/demos/lib/api/server-client'
import type { TokenPair } from '@/demos/lib/auth/auth-cookies'

export type RefreshOutcome =
  | { ok: true; tokens: TokenPair }
  /** The API refused the token (invalid, expired, revoked or replayed): the session is over. */
  | { ok: false; rejected: true }
  /** The API could not be asked. The token may still be good: keep it and try again later. */
  | { ok: false; rejected: false; status: 502 | 503 | 504 }

// #region refresh-at-api
/**
 * The BFF's one way to exchange a refresh token, shared by the refresh route
 * (the browser's reactive refresh) and proxy.ts (the proactive one), so both
 * forward the client address and read the API's answer the same way.
 */
export async function refreshAtApi(refreshToken: string, clientAddress: string | null): Promise<RefreshOutcome> {
  try {
    const { data, response } = await getAnonymousApi().POST('/api/auth/refresh', {
      body: { refreshToken },
      // The API's per-address limits and logs must see the browser, not this server.
      headers: clientAddress ? { 'X-Forwarded-For': clientAddress } : {},
    })
    if (data) return { ok: true, tokens: data }
    // 401: refused. 400: not even shaped like a token. Either way, no session.
    if (response.status === 401 || response.status === 400) return { ok: false, rejected: true }
    return { ok: false, rejected: false, status: response.status === 503 ? 503 : 502 }
  } catch (error) {
    // A lost answer is why the API has an overlap window: the rotated token
    // still works for a few seconds, so the next attempt gets the same successor.
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    return { ok: false, rejected: false, status: timedOut ? 504 : 502 }
  }
}
// #endregion refresh-at-api
