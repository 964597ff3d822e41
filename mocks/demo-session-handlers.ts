import { http, HttpResponse } from 'msw'
import type { ApiContext } from './api-context'
import { problem } from './problem-details'
import { requireCaller } from './require-account'
import type { DemoSession } from './schemas'

type NoParams = Record<string, never>

/**
 * Demo only, no real API has them: tools that let a reader watch refresh and
 * rotation happen to their own session, and an upload token run out. Each acts
 * on the session (or account) of the bearer token it is called with, never
 * another. Exempt from the demo controls, like /api/demo/controls, so they
 * work while the reader has the API "down".
 */
export function demoSessionHandlers(ctx: ApiContext) {
  const exempt = { exemptFromDemoControls: true }
  const { accessTokens, refreshTokens, uploadGrants, config } = ctx

  return [
    // What the session page shows: the family's age, absolute limit and rotations. No token.
    http.get<NoParams, never, DemoSession>('/api/demo/session', async ({ request }) => {
      const { claims } = await requireCaller(request, ctx, exempt)
      const family = await refreshTokens.report(claims.sid)
      if (!family) throw problem(404, { detail: 'This session is no longer stored.' })
      return HttpResponse.json({
        familyIdPrefix: claims.sid.slice(0, 8),
        familyCreatedAt: new Date(family.createdAt).toISOString(),
        familyExpiresAt: new Date(family.expiresAt).toISOString(),
        rotations: family.rotations,
        overlapReuses: family.overlapReuses,
        overlapSeconds: config.refreshReuseOverlapSeconds,
      })
    }),

    // "Expire my access token now": the next request with it gets 401 invalid_token, as after 15 minutes.
    http.post<NoParams, never, null>('/api/demo/expire-access-token', async ({ request }) => {
      const { claims } = await requireCaller(request, ctx, exempt)
      await accessTokens.expireNow(claims)
      return new HttpResponse(null, { status: 204 })
    }),

    // "Expire my upload grants now": the account's unused upload tokens are refused as expired, as after uploadGrantSeconds.
    http.post<NoParams, never, null>('/api/demo/expire-upload-grants', async ({ request }) => {
      const { account } = await requireCaller(request, ctx, exempt)
      await uploadGrants.expireUnused(account.user.id)
      return new HttpResponse(null, { status: 204 })
    }),

    // "Replay an old refresh token": the family's previous token comes back after
    // the overlap window, so the real reuse detection revokes the whole family.
    http.post<NoParams, never, null>('/api/demo/replay-refresh-token', async ({ request }) => {
      const { claims } = await requireCaller(request, ctx, exempt)
      if ((await refreshTokens.replayPrevious(claims.sid)) === 'nothing-to-replay') {
        throw problem(409, { detail: 'This session has not rotated yet, so it has no old refresh token to replay. Refresh it once first.' })
      }
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}
