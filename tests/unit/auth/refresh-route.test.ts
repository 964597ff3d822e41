import type { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/demos/lib/auth/cookie-options'
import { browserRequest, setCookies, startApi } from './bff-refresh-kit'

let api: Awaited<ReturnType<typeof startApi>>
let POST: (request: NextRequest) => Promise<Response>

beforeAll(async () => {
  api = await startApi({ refreshFamilySeconds: 60, refreshReuseOverlapSeconds: 10 })
  ;({ POST } = await import('@/app/api/auth/refresh/route'))
})
afterAll(() => api.server.close())

const refreshRequest = (refresh?: string, headers: Record<string, string> = { 'x-csrf': '1' }) =>
  browserRequest('/api/auth/refresh', { refresh }, { method: 'POST', headers })

describe('POST /api/auth/refresh (the BFF route)', () => {
  it('exchanges the refresh cookie at the API and sets both new cookies, with no token in the body', async () => {
    const { refreshToken, accessToken } = await api.signIn()
    const response = await POST(refreshRequest(refreshToken))
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const cookies = setCookies(response)
    expect(cookies[ACCESS_COOKIE]).toMatch(/HttpOnly/i)
    expect(cookies[REFRESH_COOKIE]).toMatch(/HttpOnly/i)
    expect(cookies[REFRESH_COOKIE]).not.toContain(refreshToken)
    // One refresh reached the API, from the browser's address.
    const newAccess = cookies[ACCESS_COOKIE].split(';')[0].split('=')[1]
    expect(newAccess).not.toBe(accessToken)
    expect((await api.session(newAccess)).rotations).toBe(1)
    expect(api.refreshes.at(-1)).toBe('203.0.113.7')
  })

  it('deletes both cookies and answers 401 ProblemDetails when the API refuses the token', async () => {
    const { refreshToken } = await api.signIn()
    await POST(refreshRequest(refreshToken))
    api.advance(11) // past the overlap window: presenting the spent token is theft
    const response = await POST(refreshRequest(refreshToken))
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const cookies = setCookies(response)
    expect(cookies[ACCESS_COOKIE]).toMatch(/Max-Age=0/)
    expect(cookies[REFRESH_COOKIE]).toMatch(/Max-Age=0/)
  })

  it('fails at the absolute lifetime, and clears the cookies', async () => {
    const { refreshToken } = await api.signIn()
    api.advance(61)
    const response = await POST(refreshRequest(refreshToken))
    expect(response.status).toBe(401)
    expect(setCookies(response)[REFRESH_COOKIE]).toMatch(/Max-Age=0/)
  })

  it('answers 401 without calling the API when there is no refresh cookie', async () => {
    const before = api.refreshes.length
    const response = await POST(refreshRequest(undefined))
    expect(response.status).toBe(401)
    expect(api.refreshes.length).toBe(before)
  })

  it('keeps the cookies through an outage: the token may still be good', async () => {
    process.env.DOTNET_API_URL = 'http://127.0.0.1:9'
    try {
      const response = await POST(refreshRequest('some-refresh-token'))
      expect(response.status).toBe(502)
      expect(response.headers.getSetCookie()).toEqual([])
    } finally {
      process.env.DOTNET_API_URL = api.server.url
    }
  })

  it('refuses a request without the anti-forgery header', async () => {
    const { refreshToken } = await api.signIn()
    const response = await POST(refreshRequest(refreshToken, {}))
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie()).toEqual([])
  })
})
