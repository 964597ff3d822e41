import { expect, test } from '@playwright/test'

// Direct HTTP against the BFF's auth routes: every bad input is a clear 4xx
// problem response, never a 500 and never a cookie.
const CSRF = { 'x-csrf': '1' }

test.describe('BFF auth routes reject bad input', () => {
  test('malformed JSON is a 400 problem, not a 500', async ({ request }) => {
    const response = await request.post('/api/auth/login', {
      headers: { ...CSRF, 'content-type': 'application/json' },
      // A Buffer is sent as is; Playwright would JSON-encode a string.
      data: Buffer.from('{"email": "demo@example.com", "password": '),
    })
    expect(response.status()).toBe(400)
    expect(response.headers()['content-type']).toContain('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 400, title: 'Malformed JSON' })
    expect(response.headers()['set-cookie']).toBeUndefined()
  })

  test('a wrong content type is a 400 problem', async ({ request }) => {
    const response = await request.post('/api/auth/login', {
      headers: { ...CSRF, 'content-type': 'application/x-www-form-urlencoded' },
      data: Buffer.from('email=demo%40example.com&password=demo-password'),
    })
    expect(response.status()).toBe(400)
    expect(await response.json()).toMatchObject({ title: 'Unsupported content type' })
  })

  test('invalid fields are a 400 with per-field errors', async ({ request }) => {
    const response = await request.post('/api/auth/login', { headers: CSRF, data: { email: 'nope', password: '' } })
    expect(response.status()).toBe(400)
    const body = await response.json()
    expect(Object.keys(body.errors).sort()).toEqual(['email', 'password'])
  })

  test('an oversized body is a 413 problem', async ({ request }) => {
    const response = await request.post('/api/auth/login', {
      headers: CSRF,
      data: { email: 'demo@example.com', password: 'x'.repeat(40_000) },
    })
    expect(response.status()).toBe(413)
  })

  test('a login without the anti-forgery header is a 403 and sets no cookie', async ({ request }) => {
    const response = await request.post('/api/auth/login', { data: { email: 'demo@example.com', password: 'demo-password' } })
    expect(response.status()).toBe(403)
    expect(response.headers()['set-cookie']).toBeUndefined()
  })

  test('logout without the anti-forgery header is a 403', async ({ request }) => {
    expect((await request.post('/api/auth/logout')).status()).toBe(403)
  })

  test('a successful login answers with the user only and sets both cookies with no-store', async ({ request }) => {
    const response = await request.post('/api/auth/login', { headers: CSRF, data: { email: 'demo@example.com', password: 'demo-password' } })
    expect(response.status()).toBe(200)
    expect(Object.keys(await response.json())).toEqual(['user'])
    expect(response.headers()['cache-control']).toContain('no-store')
    const setCookies = response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)
    expect(setCookies).toHaveLength(2)
    for (const cookie of setCookies) expect(cookie).toMatch(/^__Host-bff\.(access|refresh)=.+; Path=\/; .*Max-Age=\d+.*; Secure; HttpOnly; SameSite=lax/i)
  })
})
