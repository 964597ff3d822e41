import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/mocks/http-server'
import { CSRF, chunkedBody, expectProblem, importProxyRoute, proxyRequest, send, startSpiedApi, type Arrival, type ProxyRoute } from './proxy-test-kit'

// The proxy route handlers, called directly, in front of the mock .NET API on a
// real port. The spy records every request the API receives.
let api: RunningServer
let arrivals: Arrival[]
let token: string
let route: ProxyRoute

beforeAll(async () => {
  ;({ server: api, arrivals, token } = await startSpiedApi())
  process.env.DOTNET_API_URL = api.url
  route = await importProxyRoute()
})
afterAll(() => api.close())
beforeEach(() => {
  arrivals.length = 0
})

const json = { ...CSRF, 'content-type': 'application/json' }

describe('forwarding', () => {
  it('maps /api/proxy/goals?… to the API with a bearer token and answers no-store', async () => {
    const response = await send(route, proxyRequest('goals?page=1&pageSize=5', { token }))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect((await response.json()).items).toHaveLength(5)
    expect(arrivals.map((a) => `${a.method} ${a.path}`)).toEqual(['GET /api/goals?page=1&pageSize=5'])
    expect(arrivals[0].headers.get('authorization')).toBe(`Bearer ${token}`)
  })

  it('never hands the API the browser Cookie or a browser-supplied Authorization', async () => {
    const headers = { cookie: 'bff.refresh=refresh-secret; theme=dark', authorization: 'Bearer forged.by.browser' }
    expect((await send(route, proxyRequest('users/me', { token, headers }))).status).toBe(200)
    const [arrival] = arrivals
    expect(arrival.headers.has('cookie')).toBe(false)
    expect(arrival.headers.get('authorization')).toBe(`Bearer ${token}`)
    expect([...arrival.headers.values()].join('\n')).not.toContain('refresh-secret')
  })

  it('forwards only content-type, accept, if-none-match, the request id and the client address', async () => {
    const headers = { accept: 'application/json', 'if-none-match': '"v1"', 'x-forwarded-for': '203.0.113.7', 'x-secret': 'no', origin: 'http://bff.test' }
    await send(route, proxyRequest('users/me', { token, headers }))
    // Added by fetch itself: connection details, and Pragma/Cache-Control because a conditional request bypasses caches.
    const byFetch = ['host', 'connection', 'user-agent', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'pragma', 'cache-control']
    const names = [...arrivals[0].headers.keys()].filter((name) => !byFetch.includes(name))
    expect(names.sort()).toEqual(['accept', 'authorization', 'if-none-match', 'x-forwarded-for', 'x-request-id'])
    expect(arrivals[0].headers.get('x-forwarded-for')).toBe('203.0.113.7')
  })

  it('keeps a well-formed request id, replaces a malformed one, and echoes it', async () => {
    const kept = await send(route, proxyRequest('users/me', { token, headers: { 'x-request-id': 'trace-123.abc' } }))
    expect(kept.headers.get('x-request-id')).toBe('trace-123.abc')
    const replaced = await send(route, proxyRequest('users/me', { token, headers: { 'x-request-id': 'bad id <script>' } }))
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(arrivals.map((a) => a.headers.get('x-request-id'))).toEqual(['trace-123.abc', replaced.headers.get('x-request-id')])
  })

  it('creates, reads, changes and deletes a goal, rewriting Location to the proxy path', async () => {
    const created = await send(route, proxyRequest('goals', { method: 'POST', token, headers: json, body: JSON.stringify({ title: 'Via the proxy' }) }))
    expect(created.status).toBe(201)
    const { id } = await created.json()
    expect(created.headers.get('location')).toBe(`/api/proxy/goals/${id}`)
    expect((await send(route, proxyRequest(`goals/${id}`, { token }))).status).toBe(200)
    const patched = await send(route, proxyRequest(`goals/${id}`, { method: 'PATCH', token, headers: json, body: '{"progress":40}' }))
    expect(await patched.json()).toMatchObject({ id, progress: 40 })
    const deleted = await send(route, proxyRequest(`goals/${id}`, { method: 'DELETE', token, headers: CSRF }))
    expect(deleted.status).toBe(204)
    expect(deleted.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('passing the API answer through', () => {
  it('passes a 404 ProblemDetails unchanged', async () => {
    const response = await send(route, proxyRequest('goals/00000000-0000-4000-8000-000000000000', { token }))
    const body = await expectProblem(response, 404)
    expect(body).toEqual({ type: expect.stringContaining('rfc9110'), title: 'Not Found', status: 404, detail: 'Goal not found.', traceId: expect.any(String) })
  })

  it('passes a 400 validation problem unchanged', async () => {
    const response = await send(route, proxyRequest('goals', { method: 'POST', token, headers: json, body: '{"title":""}' }))
    const body = await expectProblem(response, 400)
    expect(body.errors).toHaveProperty('Title')
    expect(body.traceId).toEqual(expect.any(String))
  })

  it("passes the API's 401 with its WWW-Authenticate", async () => {
    const forged = `${token.split('.').slice(0, 2).join('.')}.c2lnbmF0dXJl`
    const response = await send(route, proxyRequest('users/me', { token: forged }))
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)
    expect(arrivals).toHaveLength(1)
  })
})

describe('refusing without calling the API', () => {
  it.each(['auth/login', 'auth/refresh', 'auth/register', 'auth/logout', 'swagger/v1/swagger.json', 'api/goals', 'dotnet', 'goals/not-a-uuid', 'users/someone', 'users/me/extra', 'goals/00000000-0000-4000-8000-000000000000/x'])(
    'answers 404 for the non-allowlisted %s',
    async (path) => {
      const response = await send(route, proxyRequest(path, { method: 'POST', token, headers: json, body: '{}' }))
      await expectProblem(response, 404)
      expect(arrivals).toHaveLength(0)
    },
  )

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const response = await send(route, proxyRequest('users/me', { method: 'DELETE', token, headers: CSRF }))
    await expectProblem(response, 405)
    expect(response.headers.get('allow')).toBe('GET')
    expect(arrivals).toHaveLength(0)
  })

  it.each(['POST goals', 'PUT goals/00000000-0000-4000-8000-000000000000', 'PATCH goals/00000000-0000-4000-8000-000000000000', 'DELETE goals/00000000-0000-4000-8000-000000000000'])(
    'answers 403 to %s without the anti-forgery header',
    async (call) => {
      const [method, path] = call.split(' ')
      const response = await send(route, proxyRequest(path, { method, token, headers: { 'content-type': 'application/json' }, body: method === 'DELETE' ? null : '{"title":"x"}' }))
      await expectProblem(response, 403)
      expect(arrivals).toHaveLength(0)
    },
  )

  it('answers 413 to an oversized body, declared or chunked, and creates nothing', async () => {
    const count = async () => (await (await send(route, proxyRequest('goals?pageSize=1', { token }))).json()).totalCount
    const before = await count()
    arrivals.length = 0
    const body = JSON.stringify({ title: 'x', description: 'y'.repeat(17_000) })
    const declared = proxyRequest('goals', { method: 'POST', token, headers: { ...json, 'content-length': String(body.length) }, body })
    await expectProblem(await send(route, declared), 413)
    expect(arrivals).toHaveLength(0)
    await expectProblem(await send(route, proxyRequest('goals', { method: 'POST', token, headers: json, body: chunkedBody(17, 1024) })), 413)
    expect(await count()).toBe(before)
  })

  it('answers 401 itself when there is no access cookie', async () => {
    const response = await send(route, proxyRequest('goals', { headers: { authorization: `Bearer ${token}` } }))
    await expectProblem(response, 401)
    expect(arrivals).toHaveLength(0)
  })
})
