import { expect, test, type Page } from '@playwright/test'
import { signInPrivately } from './support/goals'

// The security headers on every kind of response, and proof that the policies
// neither break the site (no violation reported) nor let an injected script run.
const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
}

function expectCommonHeaders(headers: Record<string, string>, path: string) {
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${name} on ${path}`).toBe(value)
  expect(headers['permissions-policy'], path).toContain('camera=()')
  // A production build: HSTS is sent (browsers honour it only over https).
  expect(headers['strict-transport-security'], path).toMatch(/max-age=\d+/)
  expect(headers['x-powered-by'], path).toBeUndefined()
}

function directives(policy: string) {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
}

test('docs pages carry the static policy and the other security headers', async ({ request }) => {
  for (const path of ['/', '/workflows/login', '/threat-model', '/attack-lab']) {
    const response = await request.get(path)
    expect(response.status()).toBe(200)
    const headers = response.headers()
    expectCommonHeaders(headers, path)
    const policy = directives(headers['content-security-policy'])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'self'"])
    expect(policy.get('form-action')).toEqual(["'self'"])
    expect(policy.get('connect-src')).toEqual(["'self'"])
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'")
  }
})

test('demo pages carry a fresh nonce per request, and Next stamps its scripts with it', async ({ request }) => {
  const nonces = new Set<string>()
  for (const path of ['/demo/login', '/demo/login', '/demo/account']) {
    const response = await request.get(path, { maxRedirects: 0 })
    const headers = response.headers()
    expectCommonHeaders(headers, path)
    const policy = directives(headers['content-security-policy'])
    const nonce = policy.get('script-src')?.find((value) => value.startsWith("'nonce-"))?.slice(7, -1)
    expect(nonce, path).toBeTruthy()
    expect(policy.get('script-src')).toContain("'strict-dynamic'")
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    nonces.add(nonce!)
    if (response.status() === 200) {
      const html = await response.text()
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
      expect(scripts.length).toBeGreaterThan(0)
      // Every script tag either carries this response's nonce or is one the policy pins by hash.
      const stamped = scripts.filter((tag) => tag.includes(`nonce="${nonce}"`))
      expect(stamped.length).toBeGreaterThan(scripts.length / 2)
    }
  }
  expect(nonces.size).toBe(3)
})

test('API routes and the mock API carry a deny-all policy', async ({ request }) => {
  const responses = {
    '/api/proxy/goals': await request.get('/api/proxy/goals'),
    '/api/auth/login': await request.post('/api/auth/login', { data: {} }),
    '/api/demo/proxy-check': await request.get('/api/demo/proxy-check'),
    '/dotnet/api/users/me': await request.get('/dotnet/api/users/me'),
    '/dotnet/swagger/v1/swagger.json': await request.get('/dotnet/swagger/v1/swagger.json'),
  }
  for (const [path, response] of Object.entries(responses)) {
    const headers = response.headers()
    expectCommonHeaders(headers, path)
    const policy = directives(headers['content-security-policy'] ?? '')
    expect(policy.get('default-src'), path).toEqual(["'none'"])
    expect(policy.get('frame-ancestors'), path).toEqual(["'none'"])
  }
})

test('an injected inline script does not run on a demo page', async ({ page }) => {
  const violations = collectViolations(page)
  await page.goto('/demo/login')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  // What an HTML-injection bug would do: markup with an inline handler, a
  // javascript: URL, a frame whose document carries its own inline script.
  // ('strict-dynamic' does trust a <script> element that already-running code
  // creates: CSP narrows XSS, httpOnly is what keeps the tokens out of reach.)
  await page.evaluate(() => {
    const box = document.createElement('div')
    box.innerHTML = '<img src="data:,x" onerror="window.__handler = true"><a id="js-link" href="javascript:window.__link = true">x</a>'
    document.body.append(box)
    document.getElementById('js-link')!.click()
    const frame = document.createElement('iframe')
    frame.srcdoc = '<script>parent.__srcdoc = true</script>'
    document.body.append(frame)
  })
  // The signal that all three were tried: the browser reports each one it refused.
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3)
  const ran = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    return { handler: w.__handler === true, link: w.__link === true, srcdoc: w.__srcdoc === true }
  })
  expect(ran).toEqual({ handler: false, link: false, srcdoc: false })
})

test('no page reports a CSP violation', async ({ page }) => {
  test.setTimeout(120_000)
  const violations = collectViolations(page)
  await signInPrivately(page, '/demo/goals')
  for (const path of ['/', '/workflows/login', '/route-protection', '/server-client', '/threat-model', '/attack-lab', '/demo/account', '/demo/goals', '/demo/session']) {
    await page.goto(path)
    await page.waitForLoadState('load')
    // Bring lazy parts (mermaid, the experiments) into view so they run. A fixed
    // wait, not 'networkidle': the wire inspector polls every second, so the
    // network is never idle on the pages that show it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await page.waitForTimeout(1_500)
  }
  // Search runs Pagefind's WebAssembly.
  await page.goto('/')
  await page.locator('input[placeholder^="Search documentation"]:visible').fill('httpOnly')
  await expect(page.getByRole('option').first()).toBeVisible({ timeout: 15_000 })
  await page.goto('/demo/login')
  await page.locator('input[placeholder^="Search documentation"]:visible').fill('httpOnly')
  await expect(page.getByRole('option').first()).toBeVisible({ timeout: 15_000 })
  expect(violations).toEqual([])
})

/** CSP violations, from the console and from `securitypolicyviolation` events. */
function collectViolations(page: Page) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
  })
  page.on('framenavigated', () => undefined)
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`))
  })
  return violations
}
