import type { ApiContext } from './api-context'
import { bearerChallenge } from './problem-details'
import type { Account } from './store'

/**
 * The JwtBearer step every protected endpoint runs first. Failures are thrown
 * as the 401 challenge Response, which MSW returns unchanged.
 */
export async function requireAccount(
  request: Request,
  { accessTokens, store, demoControls }: ApiContext,
  { exemptFromDemoControls = false } = {},
): Promise<Account> {
  // 1. Read the bearer token. No token at all gets the bare `Bearer` challenge.
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  if (!match) throw bearerChallenge()

  // 2. Verify signature, algorithm, lifetime, issuer and audience.
  const check = await accessTokens.verify(match[1])
  if (!check.ok) throw bearerChallenge({ description: check.description })

  // 3. The account may have been evicted since the token was issued; treat
  //    that token as invalid so the client refreshes (and fails) cleanly.
  const account = store.useAccount(check.claims.sub)
  if (!account) throw bearerChallenge({})

  // 4. The failures this account asked for (latency, outage, failing mutations).
  //    Only now, so they can never reach another account or an anonymous caller;
  //    the controls endpoint opts out so the reader can always switch them off.
  if (!exemptFromDemoControls) await demoControls.apply(account.user.id, request)
  return account
}
