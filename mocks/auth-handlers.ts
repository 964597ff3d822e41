import { http, HttpResponse } from 'msw'
import type { z } from 'zod'
import type { ApiContext } from './api-context'
import { hashPassword, verifyPassword } from './passwords'
import { problem } from './problem-details'
import { clientAddress, clientNetwork } from './client-address'
import { readJsonBody } from './read-json-body'
import type { RotationFailure } from './refresh-token-store'
import {
  LoginRequest,
  LogoutRequest,
  RefreshRequest,
  RegisterRequest,
  type LoginResponse,
  type User,
} from './schemas'
import type { Account } from './store'

type NoParams = Record<string, never>

const refreshFailures: Record<RotationFailure, string> = {
  invalid: 'The refresh token is invalid.',
  expired: 'The refresh token has expired; sign in again.',
  revoked: 'The refresh token has been revoked; sign in again.',
  reused: 'The refresh token was already used, so its token family has been revoked; sign in again.',
}

export function authHandlers(ctx: ApiContext) {
  const { store, accessTokens, refreshTokens, accountClientLimiter, clientLimiter, registrationLimiter, clock } = ctx

  async function session(account: Account, refresh: { refreshToken: string; familyId: string; expiresAt: number }): Promise<LoginResponse> {
    // The family id goes into the access token as `sid`, so revoking the family refuses it too.
    const access = await accessTokens.issue(account.user, refresh.familyId)
    return {
      accessToken: access.token,
      refreshToken: refresh.refreshToken,
      expiresIn: access.expiresIn,
      refreshTokenExpiresIn: Math.max(0, Math.ceil((refresh.expiresAt - clock()) / 1000)),
      user: account.user,
    }
  }

  return [
    http.post<NoParams, z.input<typeof LoginRequest>, LoginResponse>('/api/auth/login', async ({ request }) => {
      const body = await readJsonBody(request, LoginRequest)
      const email = body.email.toLowerCase()
      const client = clientAddress(request)
      // The account's counter is per client too: anyone may type a known email,
      // and six wrong passwords from a stranger must not lock its owner out.
      const accountKey = `${client} ${email}`

      // 1. Refuse before touching the password when the client, or this client on this account, is over its limit.
      const retryAfter = Math.max(await clientLimiter.retryAfter(client), await accountClientLimiter.retryAfter(accountKey))
      if (retryAfter > 0) {
        throw problem(429, {
          detail: 'Too many failed sign-in attempts. Try again later.',
          headers: { 'Retry-After': String(retryAfter) },
        })
      }

      // 2. Verify. An unknown email still costs one scrypt, so timing does not reveal it.
      const account = await store.findByEmail(email)
      const valid = await verifyPassword(body.password, account?.password)

      // 3. Count the failure against both keys. Unknown email and wrong password look the same.
      if (!account || !valid) {
        await clientLimiter.record(client)
        await accountClientLimiter.record(accountKey)
        throw problem(401, { detail: 'Invalid email or password.' })
      }

      // 4. Success clears this client's counter for the account, not the client's own: one address may be guessing many accounts.
      await accountClientLimiter.reset(accountKey)
      await store.useAccount(account.user.id)

      // 5. Every login starts a new refresh-token family.
      return HttpResponse.json(await session(account, await refreshTokens.issue(account.user.id)))
    }),

    http.post<NoParams, z.input<typeof RegisterRequest>, User>('/api/auth/register', async ({ request }) => {
      // 1. Count every request from this client's network before reading the body,
      //    as ASP.NET Core's rate limiter does before model binding.
      const network = clientNetwork(clientAddress(request))
      const retryAfter = await registrationLimiter.retryAfter(network)
      if (retryAfter > 0) {
        throw problem(429, {
          detail: 'Too many accounts registered from this address. Try again later.',
          headers: { 'Retry-After': String(retryAfter) },
        })
      }
      await registrationLimiter.record(network)

      // 2. Validate, and refuse a taken email before paying for a hash.
      const body = await readJsonBody(request, RegisterRequest)
      const email = body.email.toLowerCase()
      const conflict = () => problem(409, { detail: 'An account with this email already exists.' })
      if (await store.findByEmail(email)) throw conflict()

      const password = await hashPassword(body.password)
      // 3. The store claims the email and adds the account in one step: another
      //    registration may have taken it while scrypt ran, on this instance or another.
      //    At the cap, it evicts this network's own least recently used account first.
      const account = await store.addAccount({ name: body.name, email, password, registeredBy: network })
      if (!account) throw conflict()
      return HttpResponse.json(account.user, {
        status: 201,
        headers: { Location: new URL('/api/users/me', request.url).href },
      })
    }),

    // #region refresh-endpoint
    http.post<NoParams, z.input<typeof RefreshRequest>, LoginResponse>('/api/auth/refresh', async ({ request }) => {
      const { refreshToken } = await readJsonBody(request, RefreshRequest)

      // 1. Rotate: the presented token is spent, a replayed one revokes its family
      //    (unless it is the one just replaced, inside the overlap window).
      const rotation = await refreshTokens.rotate(refreshToken)
      if (!rotation.ok) throw problem(401, { detail: refreshFailures[rotation.reason] })

      // 2. The account may have been evicted while the family was alive.
      const account = await store.useAccount(rotation.userId)
      if (!account) throw problem(401, { detail: refreshFailures.invalid })

      // 3. A new pair; the family's absolute expiry carries over unchanged.
      return HttpResponse.json(await session(account, rotation))
    }),
    // #endregion refresh-endpoint

    http.post<NoParams, z.input<typeof LogoutRequest>, null>('/api/auth/logout', async ({ request }) => {
      const { refreshToken } = await readJsonBody(request, LogoutRequest)
      // 1. The refresh token's family, when the caller holds it.
      if (refreshToken) await refreshTokens.revokeFamilyOf(refreshToken)
      // 2. The bearer token's family (`sid`), so a caller left with only the
      //    access token still ends the session. A bad token is ignored, as an
      //    unknown refresh token is: logout always answers 204.
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
      const check = bearer ? await accessTokens.verify(bearer[1]) : undefined
      if (check?.ok) await refreshTokens.revokeFamily(check.claims.sid)
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}
