import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { startHttpServer, type RunningServer } from '@/mocks/http-server'

// The BFF's login route handler, called directly with web Requests, in front of
// a real HTTP server: the mock API, a closed port, a hanging server and a 503.
let mock: RunningServer
let hanging: Server
let hangingUrl: string
let unavailable: RunningServer
let POST: (request: Request) => Promise<Response>

beforeAll(async () => {
  mock = await startHttpServer(createDotnetApi({ config: { jwtSigningKey: 'bff-unit-test-signing-key-32-chars!!' } }).handle)
  unavailable = await startHttpServer(async () => new Response(null, { status: 503 }))
  hanging = createServer(() => {
    // Never answers: the BFF must give up on its own.
  })
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`
  // Short, so the hanging server's test is quick; long enough for a password hash on a busy machine.
  process.env.DOTNET_API_TIMEOUT_MS = '1500'
  ;({ POST } = await import('@/app/api/auth/login/route'))
})

afterAll(async () => {
  await mock.close()
  await unavailable.close()
  hanging.closeAllConnections()
  hanging.close()
})

beforeEach(() => {
  process.env.DOTNET_API_URL = mock.url
})

function login(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://bff.test/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
}

describe('POST /api/auth/login', () => {
  it('answers with the user only and sets both tokens as httpOnly cookies', async () => {
    const response = await login({ email: 'demo@example.com', password: 'demo-password' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ user: { id: expect.any(String), name: 'Demo Reader', role: 'user' } })
    const cookies = response.headers.getSetCookie()
    expect(cookies).toHaveLength(2)
    for (const cookie of cookies) expect(cookie).toMatch(/HttpOnly/i)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('maps wrong credentials to a readable 401', async () => {
    const response = await login({ email: 'demo@example.com', password: 'not-the-password' }, { 'x-forwarded-for': '203.0.113.9' })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ detail: 'The email or password is incorrect.' })
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('maps the API rate limit to a 429 with the wait time', async () => {
    const address = '203.0.113.10'
    const email = `limit-${Date.now()}@example.com`
    for (let i = 0; i < 5; i++) expect((await login({ email, password: 'wrong-password' }, { 'x-forwarded-for': address })).status).toBe(401)
    const response = await login({ email, password: 'wrong-password' }, { 'x-forwarded-for': address })
    expect(response.status).toBe(429)
    const wait = Number(response.headers.get('retry-after'))
    expect(wait).toBeGreaterThan(0)
    expect((await response.json()).detail).toBe(`Too many failed sign-ins. Try again in ${wait} seconds.`)
  })

  it('answers 502 when the API is unreachable', async () => {
    process.env.DOTNET_API_URL = 'http://127.0.0.1:9'
    const response = await login({ email: 'demo@example.com', password: 'demo-password' })
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ title: 'API unreachable' })
  })

  it('answers 503 when the API says it is unavailable', async () => {
    process.env.DOTNET_API_URL = unavailable.url
    expect((await login({ email: 'demo@example.com', password: 'demo-password' })).status).toBe(503)
  })

  it('answers 504 when the API does not answer in time', async () => {
    process.env.DOTNET_API_URL = hangingUrl
    const response = await login({ email: 'demo@example.com', password: 'demo-password' })
    expect(response.status).toBe(504)
  })

  it.each([
    ['malformed JSON', '{"email":', 'application/json', 400],
    ['a wrong content type', 'email=a', 'text/plain', 400],
    ['a missing field', { email: 'demo@example.com' }, 'application/json', 400],
    ['an oversized body', { email: 'demo@example.com', password: 'x'.repeat(20_000) }, 'application/json', 413],
  ])('rejects %s without calling the API', async (_, body, type, status) => {
    process.env.DOTNET_API_URL = 'http://127.0.0.1:9' // any call would become a 502
    const response = await login(body, { 'content-type': type })
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('refuses a request without the anti-forgery header', async () => {
    const response = await POST(new Request('http://bff.test/api/auth/login', { method: 'POST', body: '{}' }))
    expect(response.status).toBe(403)
  })
})
