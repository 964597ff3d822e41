import { expect, test, type Page } from '@playwright/test'
import { JWT_SHAPE } from './support/auth'
import { signInPrivately } from './support/goals'
import { authCookies, expectNoTokenInPage } from './support/session'
import { nearScreenLive } from './support/near-screen'

// The attack lab's buttons, each run against a fresh private session in the
// browser, and the lab route's own safety.
async function runGroup(page: Page, id: string, button: string | RegExp) {
  const group = page.getByTestId(`lab-${id}`)
  await group.getByRole('button', { name: button }).click()
  await expect(group.getByRole('status')).toHaveAttribute('data-outcome', /blocked|open/, { timeout: 30_000 })
  const outcome = await group.getByRole('status').getAttribute('data-outcome')
  const steps = await group.locator('li').allTextContents()
  expect(outcome, steps.join('\n')).toBe('blocked')
  expect(steps.join('\n')).not.toMatch(JWT_SHAPE)
  return steps
}

test.describe('the attack lab', () => {
  test.beforeEach(async ({ page }) => {
    await signInPrivately(page, '/attack-lab')
    await expect(page.getByTestId('lab-session')).toContainText('You are signed in')
    await nearScreenLive(page, page.getByTestId('lab-session'))
  })

  test('XSS token theft: page JavaScript finds no token', async ({ page, context }) => {
    const steps = await runGroup(page, 'xss', 'Look for the tokens from page JavaScript')
    expect(steps).toHaveLength(4)
    await expectNoTokenInPage(page, context)
  })

  test('CSRF: a page on the other loopback site is stopped by SameSite and the anti-forgery header', async ({ page, context }) => {
    const [evil] = await Promise.all([context.waitForEvent('page'), page.getByTestId('lab-csrf').getByRole('button').click()])
    // The attacker page really runs on the other site.
    await evil.waitForLoadState()
    expect(new URL(evil.url()).hostname).toBe('127.0.0.1')
    await expect(evil.locator('#done')).toBeVisible({ timeout: 30_000 })
    await expect(evil.locator('[data-attempt="fetch-header"]')).toContainText('refused by the browser')
    await expect(evil.locator('[data-attempt="fetch-read"]')).toContainText('refused by the browser')
    const group = page.getByTestId('lab-csrf')
    await expect(group.getByRole('status')).toHaveAttribute('data-outcome', 'blocked', { timeout: 30_000 })
    const text = (await group.locator('li').allTextContents()).join('\n')
    expect(text).toContain('SameSite=Lax: the browser did not send your session cookie')
    expect(text).toContain('no x-csrf header')
    expect(text).toContain('Never sent: the browser refused it at the CORS preflight')
    expect(text).toMatch(/Goals created by the attacker page.*: 0 /)
    // Still signed in: the forged logout did nothing.
    expect((await authCookies(context)).access).toBeTruthy()
  })

  test('Server Action CSRF: neither the other site nor a sibling host’s Origin creates a goal', async ({ page, context }) => {
    const [evil] = await Promise.all([context.waitForEvent('page'), page.getByTestId('lab-server-action').getByRole('button').click()])
    await evil.waitForLoadState()
    expect(new URL(evil.url()).hostname).toBe('127.0.0.1')
    await expect(evil.locator('[data-attempt="form-server-action"]')).toBeVisible({ timeout: 30_000 })
    const group = page.getByTestId('lab-server-action')
    await expect(group.getByRole('status')).toHaveAttribute('data-outcome', 'blocked', { timeout: 30_000 })
    const text = (await group.locator('li').allTextContents()).join('\n')
    expect(text).toContain('SameSite=Lax: the browser did not send your session cookie')
    expect(text).toMatch(/Goals created by the attacker page.*: 0 /)
    expect(text).toContain('Next.js refused it before the action ran')
    expect((await authCookies(context)).access).toBeTruthy()
  })

  test('middleware bypass: spoofed internal headers still end at sign-in', async ({ page }) => {
    const steps = await runGroup(page, 'middleware', 'Spoof x-middleware-subrequest')
    expect(steps).toHaveLength(3)
    for (const step of steps.slice(0, 2)) expect(step).toContain('Redirected to sign-in')
    expect(steps[2]).toContain('without the account page')
  })

  test('open redirect: every hostile callbackUrl stays on this site', async ({ page }) => {
    const steps = await runGroup(page, 'redirect', 'Try hostile callbackUrl values')
    expect(steps.length).toBeGreaterThanOrEqual(6)
    // Absolute and protocol-relative URLs fall back to the default page; the rest stay paths on this site.
    expect(steps.filter((step) => step.includes('go to /demo/account')).length).toBeGreaterThanOrEqual(5)
    // Dot segments that normalize into //evil.example (issue 19.1), judged after normalization.
    for (const value of ['/.//evil.example', '/%2e//evil.example', '/a/..//evil.example']) {
      expect(steps.find((step) => step.includes(`callbackUrl=${value}:`))).toContain('go to /demo/account')
    }
  })

  test('spoofed client address: a fresh X-Forwarded-For per request changes neither the key nor the limit', async ({ page }) => {
    const steps = await runGroup(page, 'spoofed-address', 'Send a new X-Forwarded-For with every request')
    // Three looks at the key, then seven guesses: the last one meets the lock.
    expect(steps).toHaveLength(10)
    for (const step of steps.slice(0, 3)) expect(step).toContain('the header was ignored')
    expect(steps[9]).toMatch(/429, Retry-After: \d+/)
  })

  test('CSRF: the attacker page refuses to run against its own site, and changes nothing there', async ({ page, context }) => {
    const goals = async () => ((await (await page.request.get('/api/proxy/goals?pageSize=1')).json()) as { totalCount: number }).totalCount
    const before = await goals()
    const run = crypto.randomUUID()
    const own = new URL(page.url()).origin
    // Served by the site itself and aimed at it: every request would be same-origin, x-csrf included.
    const evil = await context.newPage()
    await evil.goto(`/lab/evil-site.html?target=${encodeURIComponent(own)}&run=${run}`)
    await expect(evil.locator('#refused:visible, #done:visible')).toBeVisible({ timeout: 30_000 })
    expect(await goals()).toBe(before)
    await expect(evil.locator('#refused')).toContainText('Refused')
    await expect(evil.locator('#attempts li')).toHaveCount(0)
    const probe = await page.request.get(`/api/lab/csrf-probe?run=${run}`)
    expect(await probe.json()).toEqual({ records: [] })
    expect((await authCookies(context)).access).toBeTruthy()
  })

  test('proxy abuse: traversal, SSRF, non-allowlisted paths and smuggled headers are refused', async ({ page }) => {
    const steps = await runGroup(page, 'proxy', 'Abuse the proxy')
    expect(steps.length).toBe(9)
  })

  test('JWT tampering: every forged token is refused by the API, the proxy and the DAL', async ({ page }) => {
    const steps = await runGroup(page, 'jwt', 'Forge tokens from yours')
    // Four tokens, three layers each.
    expect(steps).toHaveLength(12)
    expect(steps.join('\n')).toContain('invalid_token')
    // The lab refreshed afterwards: the session still works.
    await page.goto('/demo/account')
    await expect(page.getByTestId('account-email')).toBeVisible()
  })

  test('brute force: the seventh guess gets 429', async ({ page }) => {
    const steps = await runGroup(page, 'brute-force', 'Guess passwords')
    expect(steps).toHaveLength(7)
    expect(steps[6]).toContain('429')
    expect(steps[6]).toMatch(/Retry-After: \d+/)
  })

  test('Workflow E direct uploads: every attack on the upload endpoint is refused, and nothing refused was attached', async ({ page }) => {
    const steps = await runGroup(page, 'uploads', 'Attack the upload endpoint with your own grants')
    expect(steps).toHaveLength(10)
    const text = steps.join('\n')
    expect(text).toContain('X-Upload-Token: [upload token redacted]')
    // Six refusals, each on the goal before anything was meant to land on it.
    expect(text.match(/Attachments on the goal: 0 before, 0 after/g)).toHaveLength(6)
    expect(text).toContain('Attachments: 0 before, 1 after (the first upload only)')
    expect(text).toContain('Listed as "passwd.png"')
    expect(text).toContain('No Access-Control-Allow-Origin')
  })

  test('refresh-token replay: the family is revoked and the reader is signed out', async ({ page, context }) => {
    const steps = await runGroup(page, 'replay', /Replay an old refresh token/)
    expect(steps.join('\n')).toContain('Reuse detected')
    expect(await authCookies(context)).toEqual({ access: undefined, refresh: undefined })
  })
})

test('the lab route attacks only the caller’s session, only from its list, and never returns a token', async ({ page, request }) => {
  const json = { 'x-csrf': '1', 'content-type': 'application/json' }
  // No session: nothing to attack.
  const anonymous = await request.post('/api/lab/attack', { headers: json, data: Buffer.from('{"attack":"alg-none"}') })
  expect(anonymous.status()).toBe(401)
  await signInPrivately(page, '/attack-lab')
  const unknown = await page.request.post('/api/lab/attack', { headers: json, data: Buffer.from('{"attack":"delete-everything"}') })
  expect(unknown.status()).toBe(400)
  const forged = await page.request.post('/api/lab/attack', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"attack":"alg-none"}') })
  expect(forged.status()).toBe(403)
  const ran = await page.request.post('/api/lab/attack', { headers: json, data: Buffer.from('{"attack":"wrong-key"}') })
  expect(ran.status()).toBe(200)
  expect(ran.headers()['cache-control']).toBe('private, no-store')
  const body = await ran.text()
  expect(body).not.toMatch(JWT_SHAPE)
  expect(JSON.parse(body)).toMatchObject({ attack: 'wrong-key', blocked: true })
})
