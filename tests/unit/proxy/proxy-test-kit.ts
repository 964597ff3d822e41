import { NextRequest } from 'next/server'
import { expect } from 'vitest'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { startHttpServer, type RunningServer } from '@/mocks/http-server'

type Handler = (request: NextRequest) => Promise<Response>
export type ProxyRoute = Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>

export const CSRF = { 'x-csrf': '1' }

/** The proxy route's exports; import after setting any env the module reads at load. */
export async function importProxyRoute(): Promise<ProxyRoute> {
  return import('@/app/api/proxy/[...path]/route')
}

type Options = { method?: string; token?: string; headers?: HeadersInit; body?: BodyInit | null }

/** A request as the browser would send it to `/api/proxy/<path>`, with the access cookie when given a token. */
export function proxyRequest(path: string, { method = 'GET', token, headers, body = null }: Options = {}): NextRequest {
  const all = new Headers(headers)
  if (token) all.append('cookie', `${ACCESS_COOKIE}=${token}`)
  // `duplex` is required by undici for a stream body and missing from the DOM lib's
  // RequestInit; a variable (not an inline literal) passes it without a cast.
  const init = { method, headers: all, body, duplex: 'half' as const }
  return new NextRequest(`http://bff.test/api/proxy/${path}`, init)
}

/** Calls the exported handler for the request's method, as Next would. */
export function send(route: ProxyRoute, request: NextRequest): Promise<Response> {
  return route[request.method as keyof ProxyRoute](request)
}

export type Arrival = { method: string; path: string; headers: Headers }

/**
 * The mock .NET API on a loopback port, behind a spy that records how each
 * request arrived, plus a real access token for the demo account.
 */
export async function startSpiedApi(): Promise<{ server: RunningServer; arrivals: Arrival[]; token: string }> {
  const api = createDotnetApi({ config: { jwtSigningKey: 'proxy-unit-test-signing-key-32-chars!!' } })
  const arrivals: Arrival[] = []
  const server = await startHttpServer((request) => {
    const url = new URL(request.url)
    arrivals.push({ method: request.method, path: url.pathname + url.search, headers: new Headers(request.headers) })
    return api.handle(request)
  })
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: 'demo-password' }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  arrivals.length = 0
  return { server, arrivals, token: accessToken }
}

/** A body that arrives in chunks with no Content-Length, the way a chunked upload does. */
export function chunkedBody(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) return controller.close()
      controller.enqueue(new TextEncoder().encode('x'.repeat(chunkBytes)))
    },
  })
}

/** A problem+json answer with the status, no-store, and no stack trace in it. */
export async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toContain('application/problem+json')
  expect(response.headers.get('cache-control')).toBe('private, no-store')
  const body = await response.json()
  expect(body).toMatchObject({ status })
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/) // no stack trace
  return body
}
