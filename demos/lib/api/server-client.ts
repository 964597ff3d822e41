import 'server-only'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import createClient, { type Middleware } from 'openapi-fetch'
import { bearerAuthorization } from '@/demos/lib/auth/bearer'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { returnPath } from '@/demos/lib/auth/return-path'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'
import { API_TIMEOUT_MS, dotnetApiUrl } from '@/demos/lib/http/api-config'
import { apiTransport } from '@/demos/lib/proxy/api-transport'
import type { paths } from './dotnet-api'

// #region auth-middleware
const bearerFromCookie: Middleware = {
  async onRequest({ request }) {
    // 1. Read the access token from the httpOnly cookie. Only the server can.
    const authorization = bearerAuthorization((await cookies()).get(ACCESS_COOKIE)?.value)
    // 2. Send it as a bearer token on the server-to-server hop.
    if (authorization) request.headers.set('Authorization', authorization)
    return request
  },
  async onResponse({ response }) {
    // 3. The API refused the token. A Server Component cannot set or delete
    //    cookies, so it cannot refresh here: send the reader to sign in.
    if (response.status === 401) {
      redirect(loginUrl(await returnPath()))
    }
    return response
  },
}
// #endregion auth-middleware

/**
 * The typed client for Server Components, Server Actions and route handlers.
 * A new client per call keeps the base URL honest if the environment changes
 * between tests; creating one is a few object allocations.
 */
export function getServerApi() {
  const client = getAnonymousApi()
  client.use(bearerFromCookie)
  return client
}

// #region anonymous-client
/** A client without the cookie middleware, for the login and refresh exchanges. */
export function getAnonymousApi() {
  return createClient<paths>({
    baseUrl: dotnetApiUrl(),
    fetch: (request) => {
      // One id per call, which the API echoes and logs, so both sides of a hop can be matched.
      if (!request.headers.has('x-request-id')) request.headers.set('x-request-id', crypto.randomUUID())
      // fetch, unless the app wrapped it at start-up (see api-transport.ts).
      return apiTransport().fetch(request, { signal: AbortSignal.timeout(API_TIMEOUT_MS), cache: 'no-store' })
    },
  })
}
// #endregion anonymous-client
