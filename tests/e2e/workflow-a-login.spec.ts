import { expect, test } from '@playwright/test'
import { apiBaseURL } from './support/api-base-url'
import { DEMO, expectSignedInPage, JWT_SHAPE, signInThroughForm } from './support/auth'

test.describe('Workflow A: login', () => {
  test('signing in through the form lands on the account page, rendered from /api/users/me', async ({ page }) => {
    const { response } = await signInThroughForm(page)
    expect(response.status()).toBe(200)
    await expectSignedInPage(page)
    await expect(page.getByRole('heading', { name: 'Signed in as Demo Reader' })).toBeVisible()
  })

  test('the token cookies are httpOnly, SameSite=Lax, Secure and __Host- prefixed in production', async ({ page, context }) => {
    await signInThroughForm(page)
    await expectSignedInPage(page)
    const cookies = await context.cookies()
    const auth = cookies.filter((c) => c.name.includes('bff.'))
    expect(auth.map((c) => c.name).sort()).toEqual(['__Host-bff.access', '__Host-bff.refresh'])
    for (const cookie of auth) {
      expect(cookie.httpOnly, cookie.name).toBe(true)
      expect(cookie.sameSite, cookie.name).toBe('Lax')
      expect(cookie.secure, cookie.name).toBe(true)
      expect(cookie.path, cookie.name).toBe('/')
      expect(cookie.expires, cookie.name).toBeGreaterThan(Date.now() / 1000)
    }
  })

  test('no token reaches page JavaScript: not document.cookie, not the login response body', async ({ page, context }) => {
    const { response, body: readBody } = await signInThroughForm(page, DEMO, undefined, { captureBody: true })
    await expectSignedInPage(page)
    const body = readBody()
    const tokens = (await context.cookies()).filter((c) => c.name.includes('bff.')).map((c) => c.value)
    expect(tokens).toHaveLength(2)

    const visible = await page.evaluate(() => document.cookie)
    expect(JSON.parse(body)).toEqual({ user: { id: expect.any(String), name: 'Demo Reader', role: expect.any(String) } })
    for (const text of [body, visible]) {
      expect(text).not.toMatch(JWT_SHAPE)
      for (const token of tokens) expect(text).not.toContain(token)
    }
    expect(await response.headerValue('cache-control')).toContain('no-store')
  })

  test('signing out clears both cookies, and the account page then redirects to sign-in', async ({ page, context }) => {
    await signInThroughForm(page)
    await expectSignedInPage(page)
    const [logout] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/logout')),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ])
    expect(logout.status()).toBe(204)
    await expect(page).toHaveURL(/\/demo\/login/)
    expect((await context.cookies()).filter((c) => c.name.includes('bff.'))).toEqual([])

    await page.goto('/demo/account')
    await expect(page).toHaveURL(/\/demo\/login\?callbackUrl=%2Fdemo%2Faccount$/)
  })

  test('wrong credentials show a readable error and set no cookie', async ({ page, context }) => {
    const { response } = await signInThroughForm(page, { email: 'nobody@example.com', password: 'wrong-password' })
    expect(response.status()).toBe(401)
    await expect(page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' })).toBeVisible()
    expect((await context.cookies()).filter((c) => c.name.includes('bff.'))).toEqual([])
  })

  test('the form shows field errors before posting anything', async ({ page }) => {
    await page.goto('/demo/login')
    let posted = false
    page.on('request', (r) => {
      if (r.url().endsWith('/api/auth/login')) posted = true
    })
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('Enter a valid email')).toBeVisible()
    await expect(page.getByText('Enter your password')).toBeVisible()
    expect(posted).toBe(false)
  })

  // The second group starts with one slash and normalizes into `//evil.example`
  // (dot segments, encoded dots, a backslash after them, three slashes).
  const hostileCallbacks = [
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/.//evil.example',
    '/%2e//evil.example',
    '/a/..//evil.example',
    '/.///evil.example',
    '/./\\evil.example',
  ]
  for (const hostile of hostileCallbacks) {
    test(`a hostile callbackUrl ${JSON.stringify(hostile)} is ignored`, async ({ page }) => {
      await signInThroughForm(page, DEMO, hostile)
      await expectSignedInPage(page)
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host)
    })
  }

  test('"Create a private demo account" ignores a callbackUrl that normalizes to another host', async ({ page }) => {
    await page.goto(`/demo/login?callbackUrl=${encodeURIComponent('/.//evil.example')}`)
    await page.getByRole('button', { name: 'Create a private demo account' }).click()
    await expect(page).toHaveURL(/\/demo\/account$/)
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host)
  })

  test('a same-origin callbackUrl is honoured', async ({ page }) => {
    await signInThroughForm(page, DEMO, '/demo/account?from=test')
    await expect(page).toHaveURL(/\/demo\/account\?from=test$/)
  })

  test('a private demo account is created and signed in with one click', async ({ page }) => {
    await page.goto('/demo/login')
    await page.getByRole('button', { name: 'Create a private demo account' }).click()
    await expect(page).toHaveURL(/\/demo\/account$/)
    await expect(page.getByTestId('account-email')).toHaveText(/^reader-[0-9a-f]{8}@demo\.example$/)
  })
})

test.describe('the Data Access Layer is the boundary, not proxy.ts', () => {
  test('a forged access cookie passes proxy.ts, but the DAL asks the API and redirects to sign-in', async ({ request }) => {
    // An unsigned token (alg: none) claiming to be someone: proxy.ts sees a cookie and lets it through.
    const forged = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.'
    const response = await request.get('/demo/account', { headers: { cookie: `__Host-bff.access=${forged}` }, maxRedirects: 0 })
    expect(response.status()).toBe(307)
    expect(response.headers()['location']).toBe('/demo/login?callbackUrl=%2Fdemo%2Faccount')
    expect(await response.text()).not.toContain('Signed in as')
  })

  test('signing out revokes the refresh token at the API, not just in the browser', async ({ page, context, request }) => {
    await signInThroughForm(page)
    await expectSignedInPage(page)
    const refresh = (await context.cookies()).find((c) => c.name === '__Host-bff.refresh')!.value
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/demo\/login/)
    const replay = await request.post(`${apiBaseURL()}/api/auth/refresh`, { data: { refreshToken: refresh } })
    expect(replay.status()).toBe(401)
  })
})
