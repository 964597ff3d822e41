'use server'

import { unstable_rethrow } from 'next/navigation'
import { getServerApi } from '@/demos/lib/api/server-client'
import { checkSession } from '@/site/lib/demo-controls/check-session'

export type TokenControlResult = { ok: boolean; message: string }

const signedOut: TokenControlResult = { ok: false, message: 'Your session has ended. Sign in again to try this.' }

// Server Actions are public POST endpoints: each re-verifies the session. The
// API calls carry the bearer token from the httpOnly cookie; the browser never
// sees a token, old or new. Neither action sets a cookie, so the page is not
// rendered again in the same request: the point is what the NEXT request does.

/** Demo: the API treats the current access token as expired from now on. */
export async function expireAccessToken(): Promise<TokenControlResult> {
  // 1. Re-verify the session (see check-session.ts for why "unknown" goes on).
  if ((await checkSession()) === 'signed-out') return signedOut
  // 2. Ask the API, server to server, to expire the token this request carries.
  return callApi(() => getServerApi().POST('/api/demo/expire-access-token'), 'The API now answers 401 invalid_token to your access token.')
}

/** Demo: the attack. The API presents the session's previous refresh token after the overlap window. */
export async function replayRefreshToken(): Promise<TokenControlResult> {
  // 1. Re-verify the session.
  if ((await checkSession()) === 'signed-out') return signedOut
  // 2. The replay happens at the API, which holds only hashes: no token crosses here.
  return callApi(
    () => getServerApi().POST('/api/demo/replay-refresh-token'),
    'Reuse detected: the API revoked your whole token family. Every tab is signed out on its next request.',
  )
}

async function callApi(call: () => Promise<{ error?: unknown; response: Response }>, success: string): Promise<TokenControlResult> {
  try {
    const { error, response } = await call()
    if (response.ok) return { ok: true, message: success }
    const problem = (error ?? {}) as { detail?: string; title?: string }
    return { ok: false, message: problem.detail ?? problem.title ?? `The API answered ${response.status}.` }
  } catch (error) {
    unstable_rethrow(error) // the server client's redirect to sign in belongs to Next
    return { ok: false, message: 'The API could not be reached. Try again in a moment.' }
  }
}
