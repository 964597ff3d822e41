import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { DELETE, GET } from '@/app/api/trace/route'
import { POST as START } from '@/app/api/trace/session/route'
import { getTraceStore, TRACE_LIMITS } from '@/site/lib/trace/trace-store'
import { TRACE_SESSION_RATE } from '@/site/lib/trace/open-trace-session'
import { TRACE_COOKIE } from '@/site/lib/trace/trace-session'
import type { TracePage } from '@/site/lib/trace/trace-types'

// GET and DELETE /api/trace, and POST /api/trace/session, called as Next calls them.
type Options = { cookie?: string; method?: string; csrf?: boolean; from?: string }
const request = (path: string, { cookie, method = 'GET', csrf = false, from }: Options = {}) =>
  new NextRequest(`http://bff.test${path}`, {
    method,
    headers: { ...(cookie ? { cookie: `${TRACE_COOKIE}=${cookie}` } : {}), ...(csrf ? { 'x-csrf': '1' } : {}), ...(from ? { 'x-forwarded-for': from } : {}) },
  })
const read = (query = '', options: Options = {}) => GET(request(`/api/trace${query}`, options))
const start = (options: Options = {}) => START(request('/api/trace/session', { method: 'POST', csrf: true, ...options }))
// Each call its own address, so the per-address budget of one test does not spill
// into another (random ones collided about once in fifty runs).
let addresses = 0
const address = () => `198.51.100.${++addresses}`

function cookieOf(response: Response) {
  const line = response.headers.getSetCookie().find((value) => value.startsWith(`${TRACE_COOKIE}=`))
  return line?.slice(TRACE_COOKIE.length + 1, line.indexOf(';'))
}

function event(path: string) {
  return {
    flowId: 'f',
    source: 'proxy-route' as const,
    from: 'browser' as const,
    to: 'bff' as const,
    method: 'GET',
    path,
    status: 200,
    start: 0,
    durationMs: 1,
    requestHeaders: [],
    responseHeaders: [],
    note: { text: '', href: '/wire-inspector' },
  }
}

describe('POST /api/trace/session', () => {
  it('gives a first-time visitor an httpOnly trace cookie the server chose, privately and uncached', async () => {
    const response = await start({ from: address() })
    expect(response.status).toBe(204)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const line = response.headers.getSetCookie()[0]
    expect(line).toMatch(new RegExp(`^${TRACE_COOKIE}=[0-9a-f-]{36}; Path=/; Expires=[^;]+; Max-Age=86400; HttpOnly; SameSite=lax`))
    expect(await getTraceStore().has(cookieOf(response)!)).toBe(true)
    expect(await (await read('', { cookie: cookieOf(response) })).json()).toEqual({ events: [], next: 0, reset: false, recording: true, api: 'in-site' })
  })

  it('keeps a session it issued, with no new cookie, and needs the anti-forgery header', async () => {
    const session = cookieOf(await start({ from: address() }))!
    const again = await start({ cookie: session, from: address() })
    expect(again.status).toBe(204)
    expect(again.headers.getSetCookie()).toEqual([])
    expect((await start({ csrf: false, from: address() })).status).toBe(403)
  })

  it('never adopts a well-formed id it did not issue: the caller gets a new one', async () => {
    const forged = crypto.randomUUID()
    const response = await start({ cookie: forged, from: address() })
    expect(cookieOf(response)).toMatch(/^[0-9a-f-]{36}$/)
    expect(cookieOf(response)).not.toBe(forged)
    expect(await getTraceStore().has(forged)).toBe(false)
  })

  it('a malformed trace cookie is replaced, never used as a key', async () => {
    const response = await start({ cookie: '../../etc', from: address() })
    expect(cookieOf(response)).toMatch(/^[0-9a-f-]{36}$/)
    expect(await getTraceStore().has('../../etc')).toBe(false)
  })

  it('limits new sessions per client address, with 429 and Retry-After; other addresses still start', async () => {
    const flood = address()
    for (let i = 0; i < TRACE_SESSION_RATE.limit; i++) expect((await start({ from: flood })).status).toBe(204)
    const refused = await start({ from: flood })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.getSetCookie()).toEqual([])
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too many new inspector sessions' })
    expect((await start({ from: address() })).status).toBe(204)
  })
})

describe('GET /api/trace', () => {
  it('creates nothing: no cookie, no session, "not recording"', async () => {
    const before = (await getTraceStore().stats()).sessions
    const response = await read()
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.getSetCookie()).toEqual([])
    expect(await response.json()).toEqual({ events: [], next: 0, reset: true, recording: false, api: 'in-site' })
    expect((await getTraceStore().stats()).sessions).toBe(before)
  })

  it('says when the API is external, so the panel can label its lane', async () => {
    process.env.DOTNET_API_URL = 'http://127.0.0.1:5099'
    try {
      expect((await (await read()).json()).api).toBe('external')
    } finally {
      delete process.env.DOTNET_API_URL
    }
  })

  it('a forged, well-formed trace id is not a session: nothing is read or opened under it', async () => {
    const forged = crypto.randomUUID()
    expect(await (await read('', { cookie: forged })).json()).toMatchObject({ events: [], recording: false })
    expect(await getTraceStore().has(forged)).toBe(false)
  })

  it(`${TRACE_LIMITS.maxSessions + 10} cookieless reads do not evict an existing visitor's trace`, async () => {
    const visitor = crypto.randomUUID()
    await getTraceStore().open(visitor)
    await getTraceStore().record(visitor, event('/api/proxy/goals?visitor'))
    for (let i = 0; i < TRACE_LIMITS.maxSessions + 10; i++) await read()
    const page = (await (await read('', { cookie: visitor })).json()) as TracePage
    expect(page.events.map((e) => e.path)).toEqual(['/api/proxy/goals?visitor'])
  })

  it('serves each visitor only the trace their own cookie names', async () => {
    const alice = cookieOf(await start({ from: address() }))!
    const bob = cookieOf(await start({ from: address() }))!
    await getTraceStore().record(alice, event('/api/proxy/goals?alice'))

    const forAlice = (await (await read('', { cookie: alice })).json()) as TracePage
    expect(forAlice.events.map((e) => e.path)).toEqual(['/api/proxy/goals?alice'])
    const forBob = (await (await read('', { cookie: bob })).json()) as TracePage
    expect(forBob.events).toEqual([])
    // Naming Alice's session in the query gets Bob nothing but a 400.
    const asking = await read(`?session=${alice}`, { cookie: bob })
    expect(asking.status).toBe(400)
    expect(JSON.stringify(await asking.json())).not.toContain('alice')
  })

  it('returns only what is new after `after`', async () => {
    const session = cookieOf(await start({ from: address() }))!
    for (const path of ['/1', '/2', '/3']) await getTraceStore().record(session, event(path))
    const page = (await (await read('?after=2', { cookie: session })).json()) as TracePage
    expect(page).toMatchObject({ next: 3, reset: false, recording: true })
    expect(page.events.map((e) => e.path)).toEqual(['/3'])
  })

  it.each(['?after=-1', '?after=1.5', '?after=abc', '?after=1&after=2', '?session=x', '?after=1e400'])('answers %s with a 400 ProblemDetails', async (query) => {
    const response = await read(query)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 400, title: 'Invalid trace query' })
  })
})

describe('DELETE /api/trace', () => {
  it('clears the caller’s trace, and needs the anti-forgery header', async () => {
    const session = cookieOf(await start({ from: address() }))!
    await getTraceStore().record(session, event('/1'))
    expect((await DELETE(request('/api/trace', { cookie: session, method: 'DELETE' }))).status).toBe(403)
    expect((await getTraceStore().read(session))?.events).toHaveLength(1)
    const cleared = await DELETE(request('/api/trace', { cookie: session, method: 'DELETE', csrf: true }))
    expect(cleared.status).toBe(200)
    expect(cleared.headers.get('cache-control')).toBe('private, no-store')
    expect(await cleared.json()).toEqual({ clearedThrough: 1 })
    expect((await getTraceStore().read(session))?.events).toEqual([])
  })
})
