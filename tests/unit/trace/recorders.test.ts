import { NextRequest } from 'next/server'
import { JWT_IN_TEXT } from '@/demos/lib/auth/bearer'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { startHttpServer, type RunningServer } from '@/mocks/http-server'
import { wrapApiTransport } from '@/demos/lib/proxy/api-transport'
import { traceTransport } from '@/site/lib/trace/trace-transport'
import { getTraceStore } from '@/site/lib/trace/trace-store'
import { traceApi } from '@/site/lib/trace/trace-api'
import { TRACE_COOKIE } from '@/site/lib/trace/trace-session'
import type { TraceEvent } from '@/site/lib/trace/trace-types'

// The recorders end to end in one process, as on the site: the login route
// handler (traceRoute), the server client's transport (traceTransport, which
// instrumentation.ts installs on the site) and the mock API behind traceApi,
// all writing to the one global store.
// The product's own pattern: an alg:none token (empty signature) counts too.
const JWT_SHAPE = JWT_IN_TEXT
let mock: RunningServer
let POST: (request: Request) => Promise<Response>
let apiRequestIds: (string | null)[] = []

beforeAll(async () => {
  wrapApiTransport(traceTransport)
  const api = createDotnetApi({ config: { jwtSigningKey: 'trace-unit-test-signing-key-32-chars!' } })
  mock = await startHttpServer(traceApi(async (request) => {
    apiRequestIds.push(request.headers.get('x-request-id'))
    return api.handle(request)
  }, ''))
  process.env.DOTNET_API_URL = mock.url
  ;({ POST } = await import('@/app/api/auth/login/route'))
})

afterAll(() => mock.close())
beforeEach(() => {
  apiRequestIds = []
})

function login(session: string | null, password = 'demo-password') {
  const headers = new Headers({ 'content-type': 'application/json', 'x-csrf': '1' })
  if (session) headers.set('cookie', `other=1; ${TRACE_COOKIE}=${session}`)
  return POST(new NextRequest('http://bff.test/api/auth/login', { method: 'POST', headers, body: JSON.stringify({ email: 'demo@example.com', password }) }))
}

async function eventsOf(session: string): Promise<TraceEvent[]> {
  // The browser hop is recorded once its bodies have been read, just after the answer.
  await new Promise((resolve) => setTimeout(resolve, 50))
  return (await getTraceStore().read(session))?.events ?? []
}

describe('recording a traced sign-in', () => {
  it('records browser → BFF, BFF → API and the API’s own view, joined by one flow and one request id', async () => {
    const session = crypto.randomUUID()
    await getTraceStore().open(session)
    const response = await login(session)
    expect(response.status).toBe(200)
    const events = await eventsOf(session)

    expect(events.map((event) => `${event.source} ${event.from}→${event.to} ${event.method} ${event.path} ${event.status}`)).toEqual([
      'api api→api POST /api/auth/login 200',
      'route-handler bff→api POST /api/auth/login 200',
      'route-handler browser→bff POST /api/auth/login 200',
    ])
    const [api, upstream, browser] = events
    expect(new Set(events.map((event) => event.flowId)).size).toBe(1)
    expect(upstream.requestId).toBe(apiRequestIds[0])
    expect(api.requestId).toBe(apiRequestIds[0])
    // The API echoed the id it was sent.
    expect(upstream.responseHeaders).toContainEqual(['x-request-id', apiRequestIds[0]])
    // Ordered by time, the arrows nest: browser request, API call inside it, answer last.
    expect(browser.start).toBeLessThan(upstream.start)
    expect(upstream.start).toBeLessThan(api.start)
    expect(browser.start + browser.durationMs).toBeGreaterThan(upstream.start + upstream.durationMs)

    expect(browser.requestBody && JSON.parse(browser.requestBody)).toEqual({ email: 'demo@example.com', password: '[redacted, 13 chars]' })
    expect(browser.responseHeaders.filter(([name]) => name === 'set-cookie').map(([, value]) => value)).toEqual([
      expect.stringMatching(/^bff\.access=\[redacted, \d+ chars\]; Path=\/; Expires=[^;]+; Max-Age=\d+; HttpOnly; SameSite=lax$/),
      expect.stringMatching(/^bff\.refresh=\[redacted, \d+ chars\]; Path=\/; Expires=[^;]+; Max-Age=\d+; HttpOnly; SameSite=lax$/),
    ])
    expect(JSON.parse(upstream.requestBody!)).toEqual({ email: 'demo@example.com', password: '[redacted, 13 chars]' })
    expect(JSON.parse(upstream.responseBody!)).toMatchObject({
      accessToken: expect.stringMatching(/^eyJ…\[redacted, \d+ chars\] sub=\S+ exp in \d+:\d\d$/),
      refreshToken: expect.stringMatching(/^\[redacted, \d+ chars\]$/),
    })
    expect(browser.requestHeaders).toContainEqual(['cookie', `other=[redacted]; ${TRACE_COOKIE}=[redacted]`])
  })

  it('no token, password or cookie value is in what was stored', async () => {
    const session = crypto.randomUUID()
    await getTraceStore().open(session)
    const response = await login(session)
    const tokens = response.headers.getSetCookie().map((line) => line.slice(line.indexOf('=') + 1, line.indexOf(';')))
    expect(tokens).toHaveLength(2)
    const stored = JSON.stringify(await eventsOf(session))
    expect(stored).not.toMatch(JWT_SHAPE)
    for (const secret of [...tokens, 'demo-password', session]) expect(stored).not.toContain(secret)
  })

  it('records nothing for a visitor without a trace cookie, or with one the server never opened, and still sends a request id', async () => {
    const stranger = crypto.randomUUID()
    const before = await getTraceStore().stats()
    expect((await login(null)).status).toBe(200)
    expect((await login(stranger)).status).toBe(200)
    expect(await getTraceStore().has(stranger)).toBe(false)
    expect((await getTraceStore().stats()).sessions).toBe(before.sessions)
    expect(apiRequestIds).toHaveLength(2)
    for (const id of apiRequestIds) expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a failed sign-in is recorded with its 401, the password still redacted', async () => {
    const session = crypto.randomUUID()
    await getTraceStore().open(session)
    expect((await login(session, 'wrong-password')).status).toBe(401)
    const stored = await eventsOf(session)
    expect(stored.map((event) => event.status)).toEqual([401, 401, 401])
    expect(JSON.stringify(stored)).not.toContain('wrong-password')
  })
})
