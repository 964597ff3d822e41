import createClient from 'openapi-fetch'
import { describe, expect, it, vi } from 'vitest'
import type { paths } from '@/demos/lib/api/dotnet-api'
import { refreshOnUnauthorized } from '@/demos/lib/api/refresh-middleware'
import { createSessionRefresher } from '@/demos/lib/api/session-refresher'
import { createFakeBrowser } from './fake-browser'

// The typed client as the browser builds it, in front of a fake proxy whose
// session has expired: every proxied call is 401 until one refresh succeeds.
function setUp({ refuse = false, retryAlso401 = false } = {}) {
  const browser = createFakeBrowser({ refuse })
  const proxied: { method: string; body: string }[] = []
  const proxy: typeof fetch = async (input, init) => {
    // The refresher's own calls are relative URLs, as in the browser.
    if (typeof input === 'string') return browser.fetch(input, init)
    const request = input instanceof Request ? input : new Request(input, init)
    proxied.push({ method: request.method, body: await request.text() })
    if (retryAlso401) return new Response(null, { status: 401 })
    return browser.fetch(request)
  }
  const onSignedOut = vi.fn()
  const refresher = createSessionRefresher({ fetch: proxy, locks: browser.locks, channel: browser.channel(), onSignedOut })
  const client = createClient<paths>({ baseUrl: 'http://bff.test/api/proxy', fetch: proxy })
  client.use(refreshOnUnauthorized(() => refresher))
  return { client, browser, proxied, onSignedOut }
}

describe('the refresh middleware of the typed browser client', () => {
  it('turns 20 concurrent 401s into one refresh and 20 successful retries', async () => {
    const { client, browser, proxied } = setUp()
    const results = await Promise.all(Array.from({ length: 20 }, () => client.GET('/api/users/me')))
    expect(results.map((r) => r.response.status)).toEqual(Array.from({ length: 20 }, () => 200))
    expect(browser.calls.refresh).toBe(1)
    // Each request twice: the 401, then its one retry.
    expect(proxied).toHaveLength(40)
  })

  it('retries a POST with its body, although fetch has read the original', async () => {
    const { client, proxied } = setUp()
    const { response } = await client.POST('/api/goals', { body: { title: 'Kept for the retry' } })
    expect(response.status).toBe(200)
    expect(proxied.map((r) => r.body)).toEqual(['{"title":"Kept for the retry"}', '{"title":"Kept for the retry"}'])
  })

  it('retries once only: a second 401 is the answer', async () => {
    const { client, browser, proxied } = setUp({ retryAlso401: true })
    const { response } = await client.GET('/api/users/me')
    expect(response.status).toBe(401)
    expect(proxied).toHaveLength(2)
    expect(browser.calls.refresh).toBe(1)
  })

  it('hands the 401 on, and signs in once, when the refresh is refused', async () => {
    const { client, onSignedOut, proxied } = setUp({ refuse: true })
    const results = await Promise.all(Array.from({ length: 5 }, () => client.GET('/api/goals')))
    expect(results.map((r) => r.response.status)).toEqual([401, 401, 401, 401, 401])
    expect(proxied).toHaveLength(5)
    expect(onSignedOut).toHaveBeenCalledOnce()
  })

  it('leaves every other status alone', async () => {
    const browser = createFakeBrowser()
    const refresher = createSessionRefresher({ fetch: browser.fetch, onSignedOut: vi.fn() })
    const client = createClient<paths>({ baseUrl: 'http://bff.test/api/proxy', fetch: async () => new Response(null, { status: 503 }) })
    client.use(refreshOnUnauthorized(() => refresher))
    expect((await client.GET('/api/users/me')).response.status).toBe(503)
    expect(browser.calls.refresh).toBe(0)
  })
})
