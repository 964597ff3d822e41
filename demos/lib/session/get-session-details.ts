import 'server-only'
import { createHash } from 'node:crypto'
import { decodeJwt } from 'jose'
import { cookies } from 'next/headers'
import { cache } from 'react'
import { getServerApi } from '@/demos/lib/api/server-client'
import type { components } from '@/demos/lib/api/dotnet-api'
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/demos/lib/auth/cookie-options'

export type SessionDetails = {
  /** The access token's claims, decoded here on the server. */
  claims: Record<string, string | number>
  /** Short SHA-256 prefixes: enough to see a token change, useless to anyone who copies them. */
  fingerprints: { access: string; refresh: string | null }
  /** The access token's `exp`, in seconds since the epoch. */
  expiresAt: number
  family: components['schemas']['DemoSession'] | null
}

/**
 * What the session page shows. Call it after verifySession(): the DAL has had
 * the API verify the token, so decoding it without the key is only for display.
 * No token leaves this function, only claims and fingerprints.
 */
export const getSessionDetails = cache(async (): Promise<SessionDetails | null> => {
  const jar = await cookies()
  const access = jar.get(ACCESS_COOKIE)?.value
  const refresh = jar.get(REFRESH_COOKIE)?.value
  if (!access) return null
  const { exp = 0, ...rest } = decodeJwt(access)
  const claims = Object.fromEntries(Object.entries({ ...rest, exp }).map(([name, value]) => [name, show(value)]))
  // Demo only: a real API has no such endpoint (see mocks/README.md).
  const { data } = await getServerApi().GET('/api/demo/session')
  return {
    claims,
    fingerprints: { access: fingerprint(access), refresh: refresh ? fingerprint(refresh) : null },
    expiresAt: exp,
    family: data ?? null,
  }
})

function fingerprint(token: string) {
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`
}

function show(value: unknown): string | number {
  return typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value)
}
