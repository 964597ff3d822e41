import { NextRequest } from 'next/server'
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/demos/lib/auth/cookie-options'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import type { MockConfig } from '@/mocks/mock-config'
import type { DemoSession, LoginResponse } from '@/mocks/schemas'
import { startHttpServer } from '@/mocks/http-server'

/**
 * The mock API on a loopback port with a clock the test moves, for the BFF
 * code that calls it over HTTP (proxy.ts, the refresh route). DOTNET_API_URL
 * points the BFF at it.
 */
export async function startApi(config: Partial<MockConfig> = {}) {
  let now = Date.now()
  const api = createDotnetApi({ config: { jwtSigningKey: 'bff-refresh-unit-test-key-32-chars!!', ...config }, clock: () => now })
  const refreshes: string[] = []
  const server = await startHttpServer((request) => {
    if (new URL(request.url).pathname === '/api/auth/refresh') refreshes.push(request.headers.get('x-forwarded-for') ?? '')
    return api.handle(request)
  })
  process.env.DOTNET_API_URL = server.url

  async function signIn(): Promise<LoginResponse> {
    const response = await api.handle(
      new Request('http://api.test/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'demo@example.com', password: 'demo-password' }),
      }),
    )
    return (await response.json()) as LoginResponse
  }

  async function session(accessToken: string): Promise<DemoSession> {
    const response = await api.handle(new Request('http://api.test/api/demo/session', { headers: { authorization: `Bearer ${accessToken}` } }))
    return (await response.json()) as DemoSession
  }

  return { server, refreshes, signIn, session, advance: (seconds: number) => void (now += seconds * 1000) }
}

/** A browser request with the BFF's cookies, as Next hands it to proxy.ts or a route handler. */
export function browserRequest(url: string, cookies: { access?: string; refresh?: string }, init: { method?: string; headers?: HeadersInit } = {}) {
  const jar = [cookies.access && `${ACCESS_COOKIE}=${cookies.access}`, cookies.refresh && `${REFRESH_COOKIE}=${cookies.refresh}`]
  const headers = new Headers(init.headers)
  headers.set('cookie', jar.filter(Boolean).join('; '))
  headers.set('x-forwarded-for', '203.0.113.7')
  return new NextRequest(`http://bff.test${url}`, { ...init, headers })
}

/** Set-Cookie lines by cookie name. */
export function setCookies(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]))
}

/** A copy of a real token whose `exp` is `secondsFromNow` away. Unsigned as far as the API is concerned. */
export function withExp(token: string, secondsFromNow: number) {
  const [header, payload, signature] = token.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  const moved = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + secondsFromNow })).toString('base64url')
  return `${header}.${moved}.${signature}`
}
