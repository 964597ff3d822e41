import type { AccessTokenClaims } from './access-tokens'
import type { ApiContext } from './api-context'
import { bearerChallenge } from './problem-details'
import type { Account } from './store'

type Options = { exemptFromDemoControls?: boolean }

/**
 * The JwtBearer step every protected endpoint runs first. Failures are thrown
 * as the 401 challenge Response, which MSW returns unchanged.
 */
export async function requireAccount(request: Request, ctx: ApiContext, options: Options = {}): Promise<Account> {
  return (await requireCaller(request, ctx, options)).account
}

/** requireAccount, plus the verified claims for the endpoints that need them (the demo's session tools). */
export async function requireCaller(
  request: Request,
  { accessTokens, refreshTokens, store, demoControls }: ApiContext,
  { exemptFromDemoControls = false }: Options = {},
): Promise<{ account: Account; claims: AccessTokenClaims }> {
  // 1. Read the bearer token. No token at all gets the bare `Bearer` challenge.
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  if (!match) throw bearerChallenge()

  // 2. Verify signature, algorithm, lifetime, issuer and audience.
  const check = await accessTokens.verify(match[1])
  if (!check.ok) throw bearerChallenge({ description: check.description })

  // 3. A revoked session (sign-out, or a replayed refresh token) takes its
  //    access tokens with it: one lookup by `sid`, so theft ends at once
  //    instead of up to an access-token lifetime later.
  if (await refreshTokens.isRevoked(check.claims.sid)) throw bearerChallenge({ description: 'The session has been revoked' })

  // 4. The account may have been evicted since the token was issued; treat
  //    that token as invalid so the client refreshes (and fails) cleanly.
  const account = await store.useAccount(check.claims.sub)
  if (!account) throw bearerChallenge({})

  // 5. The failures this session asked for (latency, outage, failing mutations).
  //    Only now, so they can never reach another session, another account or an
  //    anonymous caller; the demo endpoints opt out so the reader can always use them.
  if (!exemptFromDemoControls) await demoControls.apply(check.claims.sid, request)
  return { account, claims: check.claims }
}
