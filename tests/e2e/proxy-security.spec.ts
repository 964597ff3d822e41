import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { DEMO } from './support/auth'
import { rawRequest } from './support/raw-http'

// The BFF proxy (/api/proxy/*) over real HTTP against the production build.
// The auth cookies are Secure, and whether a client returns those over
// http://localhost varies, so each test passes them as a Cookie header itself.
const CSRF = { 'x-csrf': '1' }

async function signIn(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { headers: CSRF, data: DEMO })
  expect(response.status()).toBe(200)
  const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')
  return cookies.map((h) => h.value.split(';')[0]).join('; ')
}

function expectNoCookie(response: APIResponse) {
  expect(response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')).toEqual([])
}

async function goalCount(request: APIRequestContext, cookie: string): Promise<number> {
  const response = await request.get('/api/proxy/goals?pageSize=1', { headers: { cookie } })
  expect(response.status()).toBe(200)
  return (await response.json()).totalCount
}

test.describe('BFF proxy security', () => {
  let cookie = ''
  test.beforeEach(async ({ request }) => {
    cookie = await signIn(request)
  })

  test('a valid page of goals comes back private and uncached, with a request id', async ({ request }) => {
    const response = await request.get('/api/proxy/goals?page=1&pageSize=5', { headers: { cookie } })
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('private, no-store')
    expect(response.headers()['x-request-id']).toMatch(/^[\w.:-]+$/)
    expectNoCookie(response)
    const page = await response.json()
    expect(page).toMatchObject({ page: 1, pageSize: 5 })
    expect(page.items).toHaveLength(5)
  })

  test('a goal round trip: create (Location on the proxy), read, delete; no Set-Cookie anywhere', async ({ request }) => {
    const created = await request.post('/api/proxy/goals', { headers: { cookie, ...CSRF }, data: { title: 'Proxy e2e' } })
    expect(created.status()).toBe(201)
    const { id } = await created.json()
    expect(created.headers()['location']).toBe(`/api/proxy/goals/${id}`)
    const read = await request.get(created.headers()['location'], { headers: { cookie } })
    expect(await read.json()).toMatchObject({ id, title: 'Proxy e2e' })
    const deleted = await request.delete(`/api/proxy/goals/${id}`, { headers: { cookie, ...CSRF } })
    expect(deleted.status()).toBe(204)
    for (const response of [created, read, deleted]) expectNoCookie(response)
  })

  test('a missing anti-forgery header is a 403 and creates nothing', async ({ request }) => {
    const before = await goalCount(request, cookie)
    const response = await request.post('/api/proxy/goals', { headers: { cookie }, data: { title: 'Forged' } })
    expect(response.status()).toBe(403)
    expect(response.headers()['content-type']).toContain('application/problem+json')
    expect(await goalCount(request, cookie)).toBe(before)
  })

  test('no access cookie is a 401 problem', async ({ playwright, baseURL }) => {
    // A fresh context: the fixture's own has kept the cookies from signing in.
    const anonymous = await playwright.request.newContext({ baseURL })
    const response = await anonymous.get('/api/proxy/goals')
    expect(response.status()).toBe(401)
    expect(response.headers()['content-type']).toContain('application/problem+json')
    expect(response.headers()['cache-control']).toBe('private, no-store')
    await anonymous.dispose()
  })

  for (const path of ['auth/login', 'auth/refresh', 'auth/register', 'swagger/v1/swagger.json', 'goals/not-a-uuid']) {
    test(`the non-allowlisted ${path} is a 404 and hands out no tokens`, async ({ request }) => {
      const response = await request.post(`/api/proxy/${path}`, { headers: { cookie, ...CSRF }, data: DEMO })
      expect(response.status()).toBe(404)
      expect(response.headers()['content-type']).toContain('application/problem+json')
      expect(await response.text()).not.toContain('accessToken')
      expectNoCookie(response)
    })
  }

  // These reach the proxy still encoded; it refuses them before any API call.
  for (const path of [
    '/api/proxy/goals/..%2f..%2fauth%2flogin',
    '/api/proxy/goals%2f..%2fusers%2fme',
    '/api/proxy/goals/%2e%2e%2f%2e%2e%2fdotnet',
    '/api/proxy/goals%5c..%5cauth%5clogin',
    '/api/proxy/%2F%2Fevil.example/api/goals',
    '/api/proxy/goals%00',
    '/api/proxy/g%6Fals',
  ]) {
    test(`the smuggled path ${path} is a 400 problem from the proxy`, async ({ baseURL }) => {
      for (const method of ['GET', 'POST']) {
        const headers = { cookie, ...CSRF, 'content-type': 'application/json' }
        const response = await rawRequest(baseURL!, path, { method, headers, body: method === 'POST' ? JSON.stringify(DEMO) : '' })
        expect(response.status, `${method} ${path}`).toBe(400)
        expect(response.headers['content-type']).toContain('application/problem+json')
        expect(response.headers['x-request-id']).toBeTruthy()
        expect(response.body).not.toContain('accessToken')
        expect(response.headers['set-cookie']).toBeUndefined()
      }
    })
  }

  // Next resolves these before routing, so they never become an API call with the token.
  const resolvedByNext: [path: string, status: number, location?: string][] = [
    ['/api/proxy/../proxy/auth/login', 404], // resolved to /api/proxy/auth/login: not allowlisted
    ['/api/proxy/%2e%2e/%2e%2e/dotnet/api/goals', 401], // resolved to the mock's own URL, which ignores cookies
    ['/api/proxy//goals', 308, '/api/proxy/goals'],
    ['/api/proxy/goals\\..\\..\\auth\\login', 308, '/api/auth/login'],
    ['/api/proxy/http://evil.example/api/goals', 308, '/api/proxy/http:/evil.example/api/goals'],
  ]
  for (const [path, status, location] of resolvedByNext) {
    test(`the smuggled path ${path} never reaches the API with the token`, async ({ baseURL }) => {
      const response = await rawRequest(baseURL!, path, { headers: { cookie } })
      expect(response.status).toBe(status)
      expect(response.headers.location).toBe(location)
      expect(response.body).not.toContain('"items"')
    })
  }

  test('following the absolute-URL redirect ends at a 400, not at evil.example', async ({ baseURL }) => {
    const response = await rawRequest(baseURL!, '/api/proxy/http:/evil.example/api/goals', { headers: { cookie } })
    expect(response.status).toBe(400)
  })

  test('an oversized body is a 413, declared or chunked, and creates nothing', async ({ request, baseURL }) => {
    const before = await goalCount(request, cookie)
    const declared = await request.post('/api/proxy/goals', {
      headers: { cookie, ...CSRF },
      data: { title: 'Too big', description: 'x'.repeat(40_000) },
    })
    expect(declared.status()).toBe(413)
    expect(declared.headers()['content-type']).toContain('application/problem+json')
    // No Content-Length: node:http sends it chunked, so only counting the stream can catch it.
    const chunks = ['{"title":"Too big","description":"', ...Array.from({ length: 40 }, () => 'x'.repeat(1024)), '"}']
    const chunked = await rawRequest(baseURL!, '/api/proxy/goals', { method: 'POST', headers: { cookie, ...CSRF, 'content-type': 'application/json' }, body: chunks })
    expect(chunked.status).toBe(413)
    expect(await goalCount(request, cookie)).toBe(before)
  })
})
