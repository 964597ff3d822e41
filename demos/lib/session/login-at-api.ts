import 'server-only'
import { getAnonymousApi } from '@/demos/lib/api/server-client'
import type { Problem } from '@/demos/lib/http/problem'
import type { TokenPair } from '@/demos/lib/auth/auth-cookies'
import type { LoginInput } from '@/demos/lib/auth/login-schema'

export type SignedIn = TokenPair & { user: { id: string; name: string; email: string; role: string } }
export type Outcome = { ok: true; session: SignedIn } | { ok: false; problem: Problem; headers?: HeadersInit }

// #region login-at-api
/**
 * Exchanges credentials for tokens at the .NET API and turns every failure into
 * a message a reader can act on. The client address is forwarded so the API's
 * per-address rate limit sees the browser, not this server.
 */
export async function loginAtApi(input: LoginInput, clientAddress: string | null): Promise<Outcome> {
  return call(async () => {
    const { data, response } = await getAnonymousApi().POST('/api/auth/login', {
      body: input,
      headers: forwardedFor(clientAddress),
    })
    if (data) return { ok: true, session: data }
    if (response.status === 401) {
      return { ok: false, problem: { status: 401, title: 'Sign-in failed', detail: 'The email or password is incorrect.' } }
    }
    return upstreamFailure(response)
  })
}
// #endregion login-at-api

/** What the reader is told when the API refused or failed an exchange. */
export async function upstreamFailure(response: Response): Promise<Outcome> {
  if (response.status === 429) {
    const wait = Number(response.headers.get('retry-after')) || 60
    return {
      ok: false,
      problem: { status: 429, title: 'Too many attempts', detail: `Too many failed sign-ins. Try again in ${wait} seconds.` },
      headers: { 'Retry-After': String(wait) },
    }
  }
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as { errors?: Record<string, string[]> } | null
    return { ok: false, problem: { status: 400, title: 'The API rejected the input.', errors: camelKeys(body?.errors) } }
  }
  const status = response.status === 503 ? 503 : 502
  return { ok: false, problem: { status, title: 'API error', detail: `The API answered ${response.status}. Try again shortly.` } }
}

/** Runs an exchange; an unreachable or silent API becomes a 502 or 504 problem. */
export async function call(exchange: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await exchange()
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    return {
      ok: false,
      problem: timedOut
        ? { status: 504, title: 'API timeout', detail: 'The API did not answer in time. Try again shortly.' }
        : { status: 502, title: 'API unreachable', detail: 'The API could not be reached. Try again shortly.' },
    }
  }
}

export function forwardedFor(clientAddress: string | null): Record<string, string> {
  return clientAddress ? { 'X-Forwarded-For': clientAddress } : {}
}

// ASP.NET names validation errors after the C# property ("Email"); the form's fields are camelCase.
function camelKeys(errors: Record<string, string[]> | undefined) {
  if (!errors) return undefined
  return Object.fromEntries(Object.entries(errors).map(([key, value]) => [key.charAt(0).toLowerCase() + key.slice(1), value]))
}
