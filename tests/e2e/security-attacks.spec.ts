import { randomUUID } from 'node:crypto'
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { SignJWT, decodeJwt } from 'jose'
import { E2E_JWT_SIGNING_KEY } from '../../playwright.config'
import { DEMO, JWT_SHAPE } from './support/auth'
import { rawRequest } from './support/raw-http'

// Attacks over direct HTTP against the production build, each asserting the
// blocked OUTCOME (no page, no goal, no cookie, no token text), not only a status.
const CSRF = { 'x-csrf': '1' }
const SECURE_PREFIX = '__Host-'

async function signUp(request: APIRequestContext, address = '127.0.0.1') {
  const response = await request.post('/api/auth/register', {
    headers: { ...CSRF, 'x-forwarded-for': address },
    data: { email: `sec-${randomUUID().slice(0, 12)}@example.com`, password: 'a-long-password-1', name: 'Security test' },
  })
  expect(response.status(), await response.text()).toBe(201)
  const cookies = setCookies(response)
  const access = cookies.find((c) => c.startsWith(`${SECURE_PREFIX}bff.access=`))!.split(';')[0].split('=')[1]
  return { cookie: cookies.map((c) => c.split(';')[0]).join('; '), access, email: decodeJwt(access).email as string }
}

const setCookies = (response: APIResponse) => response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)

async function goalCount(request: APIRequestContext, cookie: string) {
  const response = await request.get('/api/proxy/goals?pageSize=1', { headers: { cookie } })
  expect(response.status()).toBe(200)
  return (await response.json()).totalCount as number
}

/** The reader's claims re-signed with the site's real key (known to the test only), some changed. */
async function resign(token: string, changes: Record<string, unknown>) {
  const claims = { ...decodeJwt(token), ...changes }
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(E2E_JWT_SIGNING_KEY))
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const now = () => Math.floor(Date.now() / 1000)

test.describe('spoofing and bypassing proxy.ts', () => {
  test('spoofed internal Next.js headers do not open a protected page', async ({ request, playwright, baseURL }) => {
    const { access, email } = await signUp(request)
    // A context of its own: the fixture's keeps the cookies signUp received.
    const attacker = await playwright.request.newContext({ baseURL })
    const forged = `${b64({ alg: 'none', typ: 'JWT' })}.${access.split('.')[1]}.`
    const spoofs: Record<string, string>[] = [
      { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware' },
      { 'x-middleware-prefetch': '1', 'x-nextjs-data': '1' },
      { 'x-invoke-path': '/demo/account', 'x-invoke-status': '200' },
    ]
    for (const spoof of spoofs) {
      for (const cookie of [undefined, `${SECURE_PREFIX}bff.access=${forged}`]) {
        const response = await attacker.get('/demo/account', { maxRedirects: 0, headers: { ...spoof, ...(cookie ? { cookie } : {}) } })
        const body = await response.text()
        expect(body, JSON.stringify(spoof)).not.toContain('account-email')
        expect(body).not.toContain(email)
        // A spoofed prefetch gets Next's empty answer; every other spoof, the redirect to sign-in.
        if (spoof['x-middleware-prefetch']) expect(body.length).toBeLessThan(100)
        else expect(response.headers()['location'], JSON.stringify(spoof)).toBe('/demo/login?callbackUrl=%2Fdemo%2Faccount')
      }
    }
    await attacker.dispose()
  })
})

test.describe('JWT tampering through the BFF', () => {
  const variants: [name: string, make: (token: string) => Promise<string> | string][] = [
    ['alg none', (token) => `${b64({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`],
    ['edited payload', (token) => `${token.split('.')[0]}.${b64({ ...decodeJwt(token), role: 'admin' })}.${token.split('.')[2]}`],
    ['wrong key', (token) => new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(40)))],
    ['expired', (token) => resign(token, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })],
    ['wrong audience', (token) => resign(token, { aud: 'some-other-api' })],
    ['wrong issuer', (token) => resign(token, { iss: 'https://someone-else.example' })],
    ['HS256 with an empty signature', (token) => `${token.split('.').slice(0, 2).join('.')}.`],
  ]
  for (const [name, make] of variants) {
    test(`a forged access token (${name}) gets 401 from the proxy and no page from the DAL`, async ({ request }) => {
      const { access } = await signUp(request)
      const forged = await make(access)
      const cookie = `${SECURE_PREFIX}bff.access=${forged}`
      const data = await request.get('/api/proxy/users/me', { headers: { cookie } })
      expect(data.status()).toBe(401)
      expect(await data.text()).not.toContain('"email"')
      // Proxy.ts reads only `exp`; the DAL asks the API, which refuses it.
      const page = await request.get('/demo/account', { maxRedirects: 0, headers: { cookie: `${cookie}; ${SECURE_PREFIX}bff.demo-proxy-check=off` } })
      expect(page.status()).toBe(307)
      expect(await page.text()).not.toContain('account-email')
    })
  }

  test('the same claims re-signed with the real key are accepted, so the refusals above are for their stated reason', async ({ request }) => {
    const { access } = await signUp(request)
    const response = await request.get('/api/proxy/users/me', { headers: { cookie: `${SECURE_PREFIX}bff.access=${await resign(access, {})}` } })
    expect(response.status()).toBe(200)
  })

  test('a browser-supplied Authorization header is ignored: the proxy uses the cookie', async ({ request }) => {
    const { cookie } = await signUp(request)
    const admin = `${b64({ alg: 'none' })}.${b64({ sub: 'admin', role: 'admin', exp: now() + 3600 })}.`
    const response = await request.get('/api/proxy/users/me', { headers: { cookie, authorization: `Bearer ${admin}`, 'x-forwarded-host': 'evil.example' } })
    expect(response.status()).toBe(200)
    expect((await response.json()).role).not.toBe('admin')
    // And without the cookie, the header alone opens nothing.
    const alone = await request.get('/api/proxy/users/me', { headers: { authorization: `Bearer ${admin}`, cookie: '' } })
    expect(alone.status()).toBe(401)
  })
})

test.describe('CSRF and caching', () => {
  test('a duplicated anti-forgery header is refused and creates nothing', async ({ request, baseURL }) => {
    const { cookie } = await signUp(request)
    const before = await goalCount(request, cookie)
    const response = await rawRequest(baseURL!, '/api/proxy/goals', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf': ['1', '1'] },
      body: JSON.stringify({ title: 'Two headers' }),
    })
    expect(response.status).toBe(403)
    expect(response.headers['content-type']).toContain('application/problem+json')
    expect(await goalCount(request, cookie)).toBe(before)
  })

  test('every response that sets a cookie or holds a reader’s data is private, no-store', async ({ request }) => {
    const login = await request.post('/api/auth/login', { headers: CSRF, data: DEMO })
    const cookie = setCookies(login).map((c) => c.split(';')[0]).join('; ')
    const refresh = await request.post('/api/auth/refresh', { headers: { ...CSRF, cookie } })
    const refreshed = setCookies(refresh).map((c) => c.split(';')[0]).join('; ')
    const data = await request.get('/api/proxy/users/me', { headers: { cookie: refreshed } })
    const proxyCheck = await request.post('/api/demo/proxy-check', { headers: CSRF, data: { enabled: true } })
    const logout = await request.post('/api/auth/logout', { headers: { ...CSRF, cookie: refreshed } })
    for (const [name, response] of Object.entries({ login, refresh, data, proxyCheck, logout })) {
      expect(response.ok(), name).toBe(true)
      expect(response.headers()['cache-control'], name).toMatch(/no-store/)
    }
    for (const response of [login, refresh, logout, proxyCheck]) expect(setCookies(response).length).toBeGreaterThan(0)
    expect(data.headers()['cache-control']).toBe('private, no-store')
  })
})

test.describe('brute force', () => {
  // Each test is a client of its own: a loopback source address the rest of the
  // suite never uses, so its failures count against nobody else. X-Forwarded-For
  // proves nothing: with no proxy in front, the server keys on the socket.
  const ownAddress = () => `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250) + 2}`
  const post = (baseURL: string, path: string, localAddress: string, data: unknown, headers: Record<string, string> = {}) =>
    rawRequest(baseURL, path, {
      method: 'POST',
      localAddress,
      headers: { ...CSRF, 'content-type': 'application/json', ...headers },
      body: typeof data === 'string' ? data : JSON.stringify(data),
    })
  const cookiesOf = (headers: Record<string, unknown>) => [headers['set-cookie'] ?? []].flat()

  test('repeated wrong passwords lock the account: 429 with Retry-After, even for the right password', async ({ baseURL }) => {
    const address = ownAddress()
    const email = `locked-${randomUUID().slice(0, 8)}@example.com`
    expect((await post(baseURL!, '/api/auth/register', address, { email, password: 'the-right-password', name: 'Lockout' })).status).toBe(201)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await post(baseURL!, '/api/auth/login', address, { email, password: `wrong-${i}` })).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    const right = await post(baseURL!, '/api/auth/login', address, { email, password: 'the-right-password' })
    expect(right.status).toBe(429)
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0)
    expect(cookiesOf(right.headers)).toEqual([])
  })

  test("a stranger's wrong passwords do not lock the owner out", async ({ baseURL }) => {
    const [stranger, owner] = [ownAddress(), ownAddress()]
    const email = `victim-${randomUUID().slice(0, 8)}@example.com`
    expect((await post(baseURL!, '/api/auth/register', owner, { email, password: 'the-right-password', name: 'Victim' })).status).toBe(201)
    for (let i = 0; i < 6; i++) await post(baseURL!, '/api/auth/login', stranger, { email, password: `wrong-${i}` })
    expect((await post(baseURL!, '/api/auth/login', stranger, { email, password: 'the-right-password' })).status).toBe(429)
    const ownerSignIn = await post(baseURL!, '/api/auth/login', owner, { email, password: 'the-right-password' })
    expect(ownerSignIn.status).toBe(200)
    expect(cookiesOf(ownerSignIn.headers).length).toBeGreaterThan(0)
  })

  test('sixty failed sign-ins for different emails, each with a new X-Forwarded-For, meet a 429', async ({ baseURL }) => {
    const address = ownAddress()
    const statuses: number[] = []
    for (let i = 0; i < 60; i++) {
      const response = await post(baseURL!, '/api/auth/login', address, { email: `spray-${randomUUID().slice(0, 8)}@example.com`, password: 'Summer2026!' }, {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      })
      statuses.push(response.status)
    }
    expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true)
    expect(statuses.slice(50).every((status) => status === 429)).toBe(true)
  })

  test('the BFF limits auth requests per client address with a 429 and Retry-After', async ({ baseURL }) => {
    const address = ownAddress()
    let first429: Awaited<ReturnType<typeof rawRequest>> | null = null
    let sent = 0
    // Invalid bodies: counted by the limiter, answered 400 without calling the API.
    // A new X-Forwarded-For on each one changes nothing.
    while (!first429 && sent < 2000) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, i) => post(baseURL!, '/api/auth/login', address, '{}', { 'x-forwarded-for': `198.51.100.${(sent + i) % 250}` })),
      )
      sent += batch.length
      first429 = batch.find((response) => response.status === 429) ?? null
    }
    expect(first429, `no 429 after ${sent} requests`).not.toBeNull()
    expect(Number(first429!.headers['retry-after'])).toBeGreaterThan(0)
    expect(first429!.headers['content-type']).toContain('application/problem+json')
    // Over the limit even the right password is refused, and no cookie is set.
    const right = await post(baseURL!, '/api/auth/login', address, DEMO)
    expect(right.status).toBe(429)
    expect(cookiesOf(right.headers)).toEqual([])
    // Another address is unaffected.
    expect((await post(baseURL!, '/api/auth/login', ownAddress(), '{}')).status).toBe(400)
  })
})

test.describe('input hardening', () => {
  test('bad input to the proxy is a 4xx problem and creates nothing', async ({ request, baseURL }) => {
    const { cookie } = await signUp(request)
    const before = await goalCount(request, cookie)
    const attempts: [string, Record<string, string>, string][] = [
      ['malformed JSON', { 'content-type': 'application/json' }, '{"title": "unterminated'],
      ['a wrong content type', { 'content-type': 'text/plain' }, '{"title":"As text"}'],
      ['form encoding', { 'content-type': 'application/x-www-form-urlencoded' }, 'title=Form'],
      ['JSON that is not an object', { 'content-type': 'application/json' }, '["title"]'],
      ['a wrong field type', { 'content-type': 'application/json' }, '{"title": 42}'],
    ]
    for (const [name, headers, body] of attempts) {
      const response = await rawRequest(baseURL!, '/api/proxy/goals', { method: 'POST', headers: { cookie, ...CSRF, ...headers }, body })
      expect(response.status, name).toBeGreaterThanOrEqual(400)
      expect(response.status, name).toBeLessThan(500)
      expect(response.headers['content-type'], name).toContain('application/problem+json')
      expect(response.body, name).not.toMatch(/at .*\.(js|ts):\d+/)
    }
    expect(await goalCount(request, cookie)).toBe(before)
  })

  test('control characters in a title are refused; other Unicode round-trips', async ({ request }) => {
    const { cookie } = await signUp(request)
    const before = await goalCount(request, cookie)
    for (const title of ['Bell\u0007', 'Null\u0000byte', 'New\nline', 'Escape \u001b[31mred', 'Right-to-left \u202Etxt.exe', 'Isolate \u2066x\u2069', 'C1 \u0085']) {
      const response = await request.post('/api/proxy/goals', { headers: { cookie, ...CSRF }, data: { title } })
      expect(response.status(), JSON.stringify(title)).toBe(400)
      expect(JSON.stringify(await response.json())).toContain('control characters')
    }
    expect(await goalCount(request, cookie)).toBe(before)
    const unicode = 'Ünïcödé 目標 🎯 ﷽ e\u0301'
    const created = await request.post('/api/proxy/goals', { headers: { cookie, ...CSRF }, data: { title: unicode } })
    expect(created.status()).toBe(201)
    expect((await created.json()).title).toBe(unicode)
  })

  test('huge headers are refused by Node with 431, before Next', async ({ baseURL }) => {
    for (const headers of [{ cookie: `a=${'x'.repeat(20_000)}` }, { 'x-filler': 'y'.repeat(20_000) }]) {
      for (const path of ['/api/proxy/goals', '/api/auth/login', '/workflows/login']) {
        const response = await rawRequest(baseURL!, path, { headers })
        expect(response.status, path).toBe(431)
        expect(response.body).toBe('')
      }
    }
  })

  test('a very long query string is a 4xx, never a 500', async ({ request, baseURL }) => {
    const { cookie } = await signUp(request)
    // Over the proxy's 2 KB query cap: 414, before any API call.
    for (const query of [`search=${'a'.repeat(12_000)}`, Array.from({ length: 1000 }, (_, i) => `page=${i}`).join('&')]) {
      const response = await request.get(`/api/proxy/goals?${query}`, { headers: { cookie } })
      expect(response.status()).toBe(414)
      expect(response.headers()['content-type']).toContain('application/problem+json')
    }
    // Under it, a long value the API must parse: its validation answers 400.
    const long = await request.get(`/api/proxy/goals?page=${'9'.repeat(1500)}`, { headers: { cookie } })
    expect(long.status()).toBe(400)
    expect(long.headers()['content-type']).toContain('application/problem+json')
    // Over Node's 16 KB limit: Node answers 431 itself, before Next.
    const huge = await rawRequest(baseURL!, `/api/proxy/goals?search=${'a'.repeat(20_000)}`, { headers: { cookie } })
    expect(huge.status).toBe(431)
    for (const body of [await long.text(), huge.body]) expect(body).not.toMatch(JWT_SHAPE)
  })

  test('zero-width characters, direction marks and lone surrogates in a title are refused', async ({ request, baseURL }) => {
    const { cookie } = await signUp(request)
    const before = await goalCount(request, cookie)
    for (const character of ['\\u200b', '\\u200d', '\\u200e', '\\u200f', '\\u2028', '\\u2029', '\\u061c', '\\ud800']) {
      // Written as a JSON escape, so a lone surrogate reaches the server as sent.
      const body = `{"title":"Pay${character}pal"}`
      const response = await rawRequest(baseURL!, '/api/proxy/goals', { method: 'POST', headers: { cookie, ...CSRF, 'content-type': 'application/json' }, body })
      expect(response.status, character).toBe(400)
      expect(response.headers['content-type'], character).toContain('application/problem+json')
    }
    expect(await goalCount(request, cookie)).toBe(before)
  })

  test('a body nested 3,000 levels deep is a 400, at the proxy and at the API', async ({ request, baseURL }) => {
    const { cookie, access } = await signUp(request)
    const before = await goalCount(request, cookie)
    const body = `{"title":${'['.repeat(3000)}${']'.repeat(3000)}}`
    const viaProxy = await rawRequest(baseURL!, '/api/proxy/goals', { method: 'POST', headers: { cookie, ...CSRF, 'content-type': 'application/json' }, body })
    const direct = await rawRequest(baseURL!, '/dotnet/api/goals', {
      method: 'POST',
      headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json' },
      body,
    })
    for (const response of [viaProxy, direct]) {
      expect(response.status).toBe(400)
      expect(response.headers['content-type']).toContain('application/problem+json')
      expect(response.body).not.toMatch(/RangeError|at .*\.(js|ts):\d+/)
    }
    expect(await goalCount(request, cookie)).toBe(before)
  })

  test('an access cookie that is not JWT-shaped is no session: the sign-in redirect, never a 500', async ({ baseURL }) => {
    // Next decodes cookie values, so these become a newline, a non-Latin-1 character and a NUL.
    for (const value of ['abc%0Adef', '%E2%98%83', 'a%00b', 'not-a-jwt']) {
      for (const path of ['/demo/account', '/demo/session']) {
        const response = await rawRequest(baseURL!, path, { headers: { cookie: `${SECURE_PREFIX}bff.access=${value}` } })
        expect(response.status, `${path} ${value}`).toBe(307)
        expect(response.headers.location, `${path} ${value}`).toMatch(/^\/demo\/login\?callbackUrl=/)
      }
    }
  })

  test('TRACE is a 405 with Allow on every kind of route, never a 500', async ({ baseURL }) => {
    for (const path of ['/demo/account', '/api/proxy/goals', '/api/trace', '/api/auth/login', '/dotnet/api/goals', '/workflows/login']) {
      const response = await rawRequest(baseURL!, path, { method: 'TRACE' })
      expect(response.status, path).toBe(405)
      expect(response.headers.allow, path).toContain('GET')
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
    // Node's parser does not know TRACK, and answers 400 before any code runs.
    expect((await rawRequest(baseURL!, '/api/trace', { method: 'TRACK' })).status).toBe(400)
  })
})

test.describe('sign-out', () => {
  test('with only the access cookie left, signing out still ends the session at the API', async ({ request }) => {
    const { cookie, access } = await signUp(request)
    const accessOnly = cookie.split('; ').filter((pair) => pair.startsWith(`${SECURE_PREFIX}bff.access=`)).join('; ')
    expect((await request.get('/dotnet/api/users/me', { headers: { authorization: `Bearer ${access}` } })).status()).toBe(200)
    const logout = await request.post('/api/auth/logout', { headers: { cookie: accessOnly, ...CSRF } })
    expect(logout.status()).toBe(204)
    const after = await request.get('/dotnet/api/users/me', { headers: { authorization: `Bearer ${access}` } })
    expect(after.status()).toBe(401)
    expect(after.headers()['www-authenticate']).toContain('revoked')
  })
})
