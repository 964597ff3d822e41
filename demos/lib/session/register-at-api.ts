import 'server-only'
import { getAnonymousApi } from '@/demos/lib/api/server-client'
import type { RegisterInput } from '@/demos/lib/auth/login-schema'
import { call, forwardedFor, loginAtApi, type Outcome, upstreamFailure } from './login-at-api'

/** Creates a throwaway account, then signs in with it. */
export async function registerAtApi(input: RegisterInput, clientAddress: string | null): Promise<Outcome> {
  return call(async () => {
    const { response } = await getAnonymousApi().POST('/api/auth/register', {
      body: input,
      headers: forwardedFor(clientAddress),
    })
    if (response.status === 409) {
      return { ok: false, problem: { status: 409, title: 'Account exists', detail: 'An account with this email already exists.' } }
    }
    // The API's per-address registration limit: passed on with its wait, in words a reader can act on.
    if (response.status === 429) {
      const wait = Number(response.headers.get('retry-after')) || 60
      const inWords = wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`
      return {
        ok: false,
        problem: { status: 429, title: 'Too many new accounts', detail: `Too many accounts were created from your address. Try again in ${inWords}.` },
        headers: { 'Retry-After': String(wait) },
      }
    }
    if (!response.ok) return upstreamFailure(response)
    return loginAtApi({ email: input.email, password: input.password }, clientAddress)
  })
}
