import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import type { TraceEvent, TracePage } from '../../site/lib/trace/trace-types'
import { DEMO, JWT_SHAPE, signInThroughForm } from './support/auth'
import { firstLoadScripts } from './support/first-load'
import { goalItems, signInPrivately } from './support/goals'
import { authCookies, leaveDemo } from './support/session'

// What the wire inspector page claims, against a production build: each
// workflow's hops, in order, tokens redacted, one visitor's trace only theirs.

type Shown = { kind: string; from: string; to: string; source: string; method: string; path: string; status: string; label: string }

/** Waits until this tab's inspector has loaded and read its trace once: from then on, the visitor is traced. */
async function inspectorLive(page: Page) {
  await expect(page.getByTestId('wire-inspector').locator('[data-state="live"]')).toBeVisible({ timeout: 15_000 })
}

/** The arrows the panel shows, flow by flow, as a reader sees them. */
async function shownFlows(page: Page): Promise<{ title: string; messages: Shown[] }[]> {
  return page.getByTestId('wire-flow').evaluateAll((flows) =>
    flows.map((flow) => ({
      title: flow.querySelector('.bff-wire-flow-title strong')?.textContent ?? '',
      messages: [...flow.querySelectorAll<HTMLElement>('[data-testid="wire-message"]')].map((item) => ({
        kind: item.dataset.kind!,
        from: item.dataset.from!,
        to: item.dataset.to!,
        source: item.dataset.source!,
        method: item.dataset.method!,
        path: item.dataset.path!,
        status: item.dataset.status!,
        label: item.querySelector('.bff-wire-label')?.textContent ?? '',
      })),
    })),
  )
}

/** The caller's whole trace, as the panel reads it; every response is checked for its caching headers. */
async function readTrace(request: APIRequestContext): Promise<TraceEvent[]> {
  const response = await request.get('/api/trace')
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toBe('private, no-store')
  return ((await response.json()) as TracePage).events
}

async function clearTrace(page: Page) {
  await page.getByRole('button', { name: 'Clear' }).click()
  await expect(page.getByTestId('wire-flow')).toHaveCount(0)
}

const arrow = (m: Shown) => `${m.kind} ${m.from}→${m.to} ${m.kind === 'response' ? m.status : `${m.method} ${m.path.split('?')[0]}`}`
const BEARER = /^Bearer eyJ…\[redacted, \d+ chars\] sub=\S+ exp in \d+:\d\d$/

/**
 * Starts this browser's trace the way the panel does (POST /api/trace/session
 * sets the trace cookie), so the sign-in that follows at once is recorded.
 * Signing in at once, as the other specs do: see the report on waiting before sign-in.
 */
async function startTrace(page: Page) {
  expect((await page.request.post('/api/trace/session', { headers: { 'x-csrf': '1' } })).status()).toBe(204)
}

// Not /demo/account: the login page's "Live demos" link prefetches it while signed out, and
// router.push() after sign-in can then replay that cached redirect (see the report). The
// sign-in hops are the same whatever the destination.
async function signInWithInspector(page: Page, callbackUrl = '/demo/goals') {
  await startTrace(page)
  await signInThroughForm(page, DEMO, callbackUrl)
  await inspectorLive(page)
}

async function signInPrivatelyTraced(page: Page, callbackUrl = '/demo/goals') {
  await startTrace(page)
  await signInPrivately(page, callbackUrl)
  await inspectorLive(page)
}

test.describe('Workflow A in the inspector', () => {
  test('after a sign-in it shows the hops the login page describes, in order, with the cookie flags', async ({ page }) => {
    await signInWithInspector(page)
    await expect(goalItems(page)).toHaveCount(10)

    const login = async () => (await shownFlows(page)).find((flow) => flow.title === 'POST /api/auth/login')
    await expect.poll(async () => (await login())?.messages.map(arrow)).toEqual([
      'request browser→bff POST /api/auth/login',
      'request bff→api POST /api/auth/login',
      'api api→api POST /api/auth/login',
      'response api→bff 200',
      'response bff→browser 200',
    ])
    const flow = (await login())!
    const cookies = flow.messages.at(-1)!.label.split(' · ').filter((part) => part.startsWith('Set-Cookie'))
    expect(cookies).toHaveLength(2)
    expect(cookies[0]).toMatch(/^Set-Cookie __Host-bff\.access \(/)
    expect(cookies[1]).toMatch(/^Set-Cookie __Host-bff\.refresh \(/)
    for (const cookie of cookies) for (const flag of ['HttpOnly', 'SameSite=lax', 'Path=/', 'Secure']) expect(cookie).toContain(flag)

    // Then the page the login page's flow ends with: the DAL asks the API who this is, from the server.
    await expect.poll(async () => {
      const later = (await shownFlows(page)).slice((await shownFlows(page)).findIndex((f) => f.title === 'POST /api/auth/login') + 1)
      return later.flatMap((f) => f.messages).some((m) => m.source === 'server-component' && m.from === 'bff' && m.to === 'api' && m.path === '/api/users/me')
    }).toBe(true)
  })

  test('each arrow opens with the keyboard to show its headers and body, redacted, and a link to the docs', async ({ page }) => {
    await signInWithInspector(page)
    await expect(goalItems(page)).toHaveCount(10)
    const flow = page.getByTestId('wire-flow').filter({ hasText: 'POST /api/auth/login' }).first()
    await expect(flow.getByTestId('wire-message')).toHaveCount(5)

    // The answer from the API: the tokens, redacted.
    const fromApi = flow.locator('[data-testid="wire-message"][data-kind="response"][data-from="api"] button')
    await fromApi.focus()
    await page.keyboard.press('Enter')
    await expect(fromApi).toHaveAttribute('aria-expanded', 'true')
    const apiDetail = page.locator(`[id="${await fromApi.getAttribute('aria-controls')}"]`)
    await expect(apiDetail.locator('pre')).toContainText(/"accessToken": "eyJ…\[redacted, \d+ chars\] sub=\S+ exp in 1[45]:\d\d"/)
    await expect(apiDetail.locator('pre')).toContainText(/"refreshToken": "\[redacted, \d+ chars\]"/)
    await expect(apiDetail.getByRole('link', { name: 'Read about it' })).toHaveAttribute('href', '/workflows/login#3-server-to-server-and-what-can-go-wrong')

    // The answer to the browser: the user only, and the cookies by name and flags.
    const toBrowser = flow.locator('[data-testid="wire-message"][data-kind="response"][data-to="browser"] button')
    await toBrowser.focus()
    await page.keyboard.press(' ')
    const detail = page.locator(`[id="${await toBrowser.getAttribute('aria-controls')}"]`)
    await expect(detail.locator('dd').filter({ hasText: /^__Host-bff\.access=\[redacted, \d+ chars\]; Path=\/;.*HttpOnly; SameSite=lax$/ })).toHaveCount(1)
    expect(JSON.parse((await detail.locator('pre').textContent())!)).toEqual({ user: { id: expect.any(String), name: 'Demo Reader', role: expect.any(String) } })
    await expect(detail.getByRole('link', { name: 'Read about it' })).toHaveAttribute('href', '/workflows/login#4-the-cookies-and-why-each-flag')

    // The password the browser sent never reached the panel.
    const toBff = flow.locator('[data-testid="wire-message"][data-kind="request"][data-from="browser"] button')
    await toBff.click()
    await expect(page.locator(`[id="${await toBff.getAttribute('aria-controls')}"] pre`)).toContainText('"password": "[redacted, 13 chars]"')
  })
})

test.describe('Workflows B to D in the inspector', () => {
  test('loading the goals demo shows the Server Component calling the API directly, and no browser request', async ({ page }) => {
    await signInPrivatelyTraced(page)
    await clearTrace(page)
    await page.reload()
    await expect(goalItems(page)).toHaveCount(10)
    await inspectorLive(page)

    await expect.poll(async () => (await readTrace(page.request)).filter((e) => e.from === 'bff').map((e) => `${e.method} ${e.path.split('?')[0]}`).sort()).toEqual([
      'GET /api/demo/controls',
      'GET /api/goals',
      'GET /api/goals',
      'GET /api/users/me',
    ])
    const events = await readTrace(page.request)
    expect(events.filter((e) => e.from === 'browser')).toEqual([])
    for (const event of events.filter((e) => e.from === 'bff')) {
      expect(event.source).toBe('server-component')
      expect(event.page).toBe('/demo/goals')
      expect(new Map(event.requestHeaders).get('authorization')).toMatch(BEARER)
      // The API's own record of the same call, joined by the request id it echoed.
      expect(events.filter((api) => api.from === 'api' && api.requestId === event.requestId)).toHaveLength(1)
    }
    expect(new Set(events.map((e) => e.flowId)).size).toBe(1)
    const shown = (await shownFlows(page)).flatMap((flow) => flow.messages)
    expect(shown.filter((m) => m.from === 'browser' || m.to === 'browser')).toEqual([])
    expect(shown.filter((m) => m.kind === 'request' && m.path.startsWith('/api/goals?page=1'))).toHaveLength(1)
  })

  test('paging shows browser → proxy → API, with the bearer token redacted', async ({ page }) => {
    await signInPrivatelyTraced(page)
    await clearTrace(page)
    // Page 2 came with the HTML; page 3 is the browser's to fetch, through the proxy.
    for (const n of [2, 3]) {
      await page.getByRole('button', { name: 'Next' }).click()
      await expect(page.getByTestId('page-indicator')).toContainText(`Page ${n} of 3`)
    }

    await expect.poll(async () => (await readTrace(page.request)).some((e) => e.from === 'api' && e.path.startsWith('/api/goals?page=3'))).toBe(true)
    const events = await readTrace(page.request)
    const browser = events.find((e) => e.from === 'browser' && e.path.startsWith('/api/proxy/goals?page=3'))!
    expect(browser).toMatchObject({ source: 'proxy-route', to: 'bff', method: 'GET', status: 200 })
    expect(new Map(browser.requestHeaders).get('authorization')).toBeUndefined()
    expect(new Map(browser.requestHeaders).get('cookie')).toMatch(/__Host-bff\.access=\[redacted\]/)
    const upstream = events.find((e) => e.flowId === browser.flowId && e.from === 'bff')!
    expect(upstream).toMatchObject({ source: 'proxy-route', to: 'api', method: 'GET', status: 200 })
    expect(upstream.path).toMatch(/^\/api\/goals\?page=3/)
    expect(new Map(upstream.requestHeaders).get('authorization')).toMatch(BEARER)
    expect(new Map(upstream.requestHeaders).get('cookie')).toBeUndefined()
    expect(events.find((e) => e.flowId === browser.flowId && e.from === 'api')?.requestId).toBe(upstream.requestId)

    await expect.poll(async () => (await shownFlows(page)).find((f) => f.title.startsWith('GET /api/proxy/goals?page=3'))?.messages.map(arrow)).toEqual([
      'request browser→bff GET /api/proxy/goals',
      'request bff→api GET /api/goals',
      'api api→api GET /api/goals',
      'response api→bff 200',
      'response bff→browser 200',
    ])
  })

  test('an optimistic create shows the proxied POST', async ({ page }) => {
    await signInPrivatelyTraced(page)
    await clearTrace(page)
    await page.getByLabel('Title').first().fill('Traced goal')
    await page.getByRole('button', { name: 'Add goal' }).click()
    await expect(page.getByTestId('goal-list')).toContainText('Traced goal')

    await expect.poll(async () => (await shownFlows(page)).find((f) => f.title === 'POST /api/proxy/goals')?.messages.map(arrow)).toEqual([
      'request browser→bff POST /api/proxy/goals',
      'request bff→api POST /api/goals',
      'api api→api POST /api/goals',
      'response api→bff 201',
      'response bff→browser 201',
    ])
    const events = await readTrace(page.request)
    const post = events.find((e) => e.from === 'browser' && e.method === 'POST')!
    expect(new Map(post.requestHeaders).get('x-csrf')).toBe('1')
    expect(post.note.href).toBe('/workflows/mutations#2-optimistic-create')
  })
})

test.describe('the token lifecycle in the inspector', () => {
  test('a refresh race shows exactly one refresh at the API', async ({ page }) => {
    await signInPrivatelyTraced(page, '/demo/session')
    await clearTrace(page)
    await page.getByRole('button', { name: 'Expire my access token now' }).click()
    await expect(page.getByTestId('token-controls-result')).toContainText('20 of 20 requests succeeded.')

    await expect.poll(async () => (await readTrace(page.request)).filter((e) => e.from === 'browser' && e.path.startsWith('/api/proxy/goals') && e.status === 200).length).toBe(20)
    const events = await readTrace(page.request)
    const refreshes = (from: string) => events.filter((e) => e.from === from && e.method === 'POST' && e.path.endsWith('/auth/refresh'))
    expect(refreshes('api')).toHaveLength(1)
    expect(refreshes('bff')).toHaveLength(1)
    expect(refreshes('browser')).toHaveLength(1)
    expect(refreshes('bff')[0]).toMatchObject({ source: 'route-handler', status: 200 })
    expect(refreshes('browser')[0].responseHeaders.filter(([name]) => name === 'set-cookie')).toHaveLength(2)
    expect(events.filter((e) => e.from === 'browser' && e.path.startsWith('/api/proxy/goals') && e.status === 401)).toHaveLength(20)
    // The button's Server Action told the API to expire the token, server to server.
    expect(events.filter((e) => e.source === 'server-action' && e.path === '/api/demo/expire-access-token')).toHaveLength(1)
  })

  test('proxy.ts refreshing before a render is recorded as proxy.ts, with its one refresh', async ({ page, context }) => {
    await signInPrivatelyTraced(page)
    await clearTrace(page)
    await leaveDemo(page)
    await context.clearCookies({ name: (await authCookies(context)).access!.name })
    await page.goto('/demo/goals')
    await expect(goalItems(page)).toHaveCount(10)

    await expect.poll(async () => (await readTrace(page.request)).filter((e) => e.source === 'proxy.ts').map((e) => `${e.from}→${e.to} ${e.method} ${e.path}`)).toEqual([
      'bff→api POST /api/auth/refresh',
      'browser→bff GET /demo/goals',
    ])
  })
})

test.describe('nothing raw leaves the server', () => {
  test('no token or password in any inspector response, or in the HTML and RSC payload of any page', async ({ page, context }) => {
    const secrets = new Set<string>()
    const collect = async () => {
      const { access, refresh } = await authCookies(context)
      for (const cookie of [access, refresh]) if (cookie) secrets.add(cookie.value)
    }
    const bodies: Promise<string>[] = []
    page.on('response', (response) => void (new URL(response.url()).pathname === '/api/trace' && bodies.push(response.text().catch(() => ''))))

    await signInWithInspector(page, '/demo/goals')
    await expect(goalItems(page)).toHaveCount(10)
    await collect()
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByTestId('page-indicator')).toContainText('Page 3 of 3')
    await page.goto('/demo/session')
    await page.getByRole('button', { name: 'Expire my access token now' }).click()
    await expect(page.getByTestId('token-controls-result')).toContainText('20 of 20 requests succeeded.')
    await collect()
    await expect.poll(async () => JSON.stringify(await readTrace(page.request))).toContain('/api/auth/refresh')
    // Two pairs: the sign-in's, and the one the refresh race rotated to.
    expect(secrets.size).toBe(4)

    const payloads: [string, string][] = (await Promise.all(bodies)).map((body, i) => [`inspector poll ${i}`, body])
    payloads.push(['GET /api/trace', await (await page.request.get('/api/trace')).text()])
    for (const path of ['/demo/login', '/demo/account', '/demo/goals', '/demo/session', '/workflows/login', '/workflows/server-fetch', '/workflows/pagination', '/workflows/mutations', '/token-refresh', '/wire-inspector']) {
      payloads.push([`${path} HTML`, await (await page.request.get(path)).text()])
      payloads.push([`${path} RSC`, await (await page.request.get(path, { headers: { RSC: '1' } })).text()])
    }
    payloads.push(['the panel as shown', await page.getByTestId('wire-inspector').innerText()])
    expect(payloads.length).toBeGreaterThan(20)
    expect(payloads.find(([, body]) => body.includes('/api/auth/login'))).toBeTruthy()
    for (const [where, body] of payloads) {
      expect(body, where).not.toMatch(JWT_SHAPE)
      for (const secret of secrets) expect(body.includes(secret), `${where} holds a token`).toBe(false)
      // The demo password is printed on the sign-in page on purpose; the inspector must never show it.
      if (!where.endsWith(' HTML') && !where.endsWith(' RSC')) expect(body.includes(DEMO.password), `${where} holds the password`).toBe(false)
    }
  })
})

test.describe('one visitor, one trace', () => {
  test('another visitor reads only their own trace, and cannot name someone else’s', async ({ page, context, browser }) => {
    await signInWithInspector(page)
    await expect(goalItems(page)).toHaveCount(10)
    await expect.poll(async () => (await readTrace(page.request)).some((e) => e.path === '/api/auth/login')).toBe(true)
    const mine = (await context.cookies()).find((c) => c.name === '__Host-wire.trace')!
    expect(mine.httpOnly).toBe(true)
    expect(await page.evaluate(() => document.cookie)).not.toContain(mine.value)

    const other = await browser.newContext({ baseURL })
    try {
      const stranger = await other.newPage()
      await stranger.goto('/demo/login')
      await inspectorLive(stranger)
      expect(await readTrace(stranger.request)).toEqual([])
      await expect(stranger.getByTestId('wire-flow')).toHaveCount(0)
      // Naming the first visitor's session gets nothing but a 400.
      const asking = await stranger.request.get(`/api/trace?session=${mine.value}`)
      expect(asking.status()).toBe(400)
      expect(await asking.text()).not.toContain('/api/auth/login')
      // A read with no trace cookie creates nothing; one with an id the server never issued reads nothing.
      const anonymous = await playwrightRequest.newContext({ baseURL })
      const fresh = await anonymous.get('/api/trace')
      expect(fresh.headers()['set-cookie']).toBeUndefined()
      expect(await fresh.json()).toEqual({ events: [], next: 0, reset: true, recording: false, api: 'in-site' })
      const forged = await anonymous.get('/api/trace', { headers: { cookie: `__Host-wire.trace=${crypto.randomUUID()}` } })
      expect(await forged.json()).toMatchObject({ events: [], recording: false })
      await anonymous.dispose()
    } finally {
      await other.close()
    }
  })
})

test.describe('trace sessions', () => {
  test('a flood of cookieless reads creates no session and evicts no one: the open panel keeps its trace', async ({ page }) => {
    await signInWithInspector(page)
    await expect(goalItems(page)).toHaveCount(10)
    await expect.poll(async () => (await readTrace(page.request)).some((e) => e.path === '/api/auth/login')).toBe(true)
    // More reads than the store holds sessions, as the issue's 505 did.
    const anonymous = await playwrightRequest.newContext({ baseURL })
    for (let batch = 0; batch < 11; batch++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => anonymous.get('/api/trace')))
      for (const answer of answers) expect(answer.headers()['set-cookie']).toBeUndefined()
    }
    await anonymous.dispose()
    expect((await readTrace(page.request)).some((e) => e.path === '/api/auth/login')).toBe(true)
    await expect(page.getByTestId('wire-inspector').locator('[data-state="live"]')).toBeVisible()
  })

  test('the panel starts its own session when its page renders, and a forged id is replaced, not adopted', async ({ page, context }) => {
    const traceCookie = async () => (await context.cookies()).find((c) => c.name === '__Host-wire.trace')
    await page.goto('/demo/login')
    await inspectorLive(page)
    const issued = (await traceCookie())!
    expect(issued.httpOnly).toBe(true)

    // The same cookie, holding a well-formed id the server never issued.
    const forged = crypto.randomUUID()
    await context.addCookies([{ ...issued, value: forged }])
    await page.reload()
    await inspectorLive(page)
    await expect.poll(async () => (await traceCookie())?.value).not.toBe(forged)
    expect((await traceCookie())!.value).not.toBe(issued.value)
  })
})

test.describe('loading', () => {
  test('no docs page ships the inspector panel in its first-load JavaScript; it arrives once the page is idle', async ({ page, request }) => {
    // Present only in the panel's code, minified or not.
    const MARKER = 'Flows, oldest first'
    for (const path of ['/workflows/login', '/workflows/server-fetch', '/workflows/pagination', '/workflows/mutations', '/token-refresh', '/wire-inspector']) {
      for (const { src, code } of await firstLoadScripts(request, path)) expect(code.includes(MARKER), `${path}: ${src} holds the panel`).toBe(false)
    }
    const loaded: Promise<string>[] = []
    page.on('response', (response) => void (response.url().endsWith('.js') && loaded.push(response.text().catch(() => ''))))
    await page.goto('/workflows/login')
    await inspectorLive(page)
    expect((await Promise.all(loaded)).some((body) => body.includes(MARKER))).toBe(true)
  })
})
