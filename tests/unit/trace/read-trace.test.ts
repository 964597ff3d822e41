import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { DELETE, GET } from '@/app/api/trace/route'
import { getTraceStore } from '@/demos/lib/trace/trace-store'
import { TRACE_COOKIE } from '@/demos/lib/trace/trace-session'
import type { TracePage } from '@/demos/lib/trace/trace-types'

// GET and DELETE /api/trace, called as Next calls them.
const request = (query = '', { cookie, method = 'GET', csrf = false }: { cookie?: string; method?: string; csrf?: boolean } = {}) =>
  new NextRequest(`http://bff.test/api/trace${query}`, {
    method,
    headers: { ...(cookie ? { cookie: `${TRACE_COOKIE}=${cookie}` } : {}), ...(csrf ? { 'x-csrf': '1' } : {}) },
  })

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

describe('GET /api/trace', () => {
  it('gives a first-time visitor an httpOnly trace cookie and an empty trace, privately and uncached', async () => {
    const response = GET(request())
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const line = response.headers.getSetCookie()[0]
    expect(line).toMatch(new RegExp(`^${TRACE_COOKIE}=[0-9a-f-]{36}; Path=/; Expires=[^;]+; Max-Age=86400; HttpOnly; SameSite=lax`))
    expect(getTraceStore().has(cookieOf(response)!)).toBe(true)
    expect(await response.json()).toEqual({ events: [], next: 0, reset: true })
  })

  it('serves each visitor only the trace their own cookie names', async () => {
    const alice = cookieOf(GET(request()))!
    const bob = cookieOf(GET(request()))!
    getTraceStore().record(alice, event('/api/proxy/goals?alice'))

    const forAlice = (await GET(request('', { cookie: alice })).json()) as TracePage
    expect(forAlice.events.map((e) => e.path)).toEqual(['/api/proxy/goals?alice'])
    const forBob = (await GET(request('', { cookie: bob })).json()) as TracePage
    expect(forBob.events).toEqual([])
    // Naming Alice's session in the query gets Bob nothing but a 400.
    const asking = GET(request(`?session=${alice}`, { cookie: bob }))
    expect(asking.status).toBe(400)
    expect(JSON.stringify(await asking.json())).not.toContain('alice')
  })

  it('returns only what is new after `after`', async () => {
    const session = cookieOf(GET(request()))!
    for (const path of ['/1', '/2', '/3']) getTraceStore().record(session, event(path))
    const page = (await GET(request('?after=2', { cookie: session })).json()) as TracePage
    expect(page).toMatchObject({ next: 3, reset: false })
    expect(page.events.map((e) => e.path)).toEqual(['/3'])
  })

  it.each(['?after=-1', '?after=1.5', '?after=abc', '?after=1&after=2', '?session=x', '?after=1e400'])('answers %s with a 400 ProblemDetails', async (query) => {
    const response = GET(request(query))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 400, title: 'Invalid trace query' })
  })

  it('a malformed trace cookie is replaced, never used as a key', async () => {
    const response = GET(request('', { cookie: '../../etc' }))
    expect(response.status).toBe(200)
    expect(cookieOf(response)).toMatch(/^[0-9a-f-]{36}$/)
    expect(getTraceStore().has('../../etc')).toBe(false)
  })
})

describe('DELETE /api/trace', () => {
  it('clears the caller’s trace, and needs the anti-forgery header', async () => {
    const session = cookieOf(GET(request()))!
    getTraceStore().record(session, event('/1'))
    expect(DELETE(request('', { cookie: session, method: 'DELETE' })).status).toBe(403)
    expect(getTraceStore().read(session)?.events).toHaveLength(1)
    const cleared = DELETE(request('', { cookie: session, method: 'DELETE', csrf: true }))
    expect(cleared.status).toBe(200)
    expect(cleared.headers.get('cache-control')).toBe('private, no-store')
    expect(await cleared.json()).toEqual({ clearedThrough: 1 })
    expect(getTraceStore().read(session)?.events).toEqual([])
  })
})
