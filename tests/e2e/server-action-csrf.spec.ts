import { expect, test, type APIRequestContext } from '@playwright/test'
import { serverActionFields } from '../../site/lib/attack-lab/server-action-fields'
import { goalItems, signInPrivately } from './support/goals'
import { authCookies } from './support/session'

// Server Actions carry no `x-csrf` header: what stops a forged one is
// SameSite=Lax from another site, and Next.js's Origin check where SameSite
// does not help (a sibling host of the same site). Each layer alone, here.

/** Every goal title of the signed-in account, as the API holds them. */
async function goalTitles(request: APIRequestContext) {
  const response = await request.get('/api/proxy/goals?pageSize=50')
  expect(response.status()).toBe(200)
  const page = (await response.json()) as { totalCount: number; items: { title: string }[] }
  expect(page.totalCount).toBeLessThanOrEqual(50)
  return page.items.map((goal) => goal.title).sort()
}

/** The action's hidden fields, read from the goals page's HTML as an attacker reads their own copy. */
async function actionFields(request: APIRequestContext) {
  const fields = serverActionFields(await (await request.get('/demo/goals')).text())
  expect(fields.map(([name]) => name).join(' ')).toContain('$ACTION')
  return fields
}

test('a Server Action form posted from the other loopback site creates nothing: the goals are unchanged', async ({ page, context }) => {
  await signInPrivately(page)
  const fields = await actionFields(page.request)
  const before = await goalTitles(page.request)
  const here = new URL(page.url())
  const run = crypto.randomUUID()

  const evil = await context.newPage()
  const posted = evil.waitForRequest((r) => r.method() === 'POST' && r.url() === `${here.origin}/demo/goals`)
  const query = new URLSearchParams({ target: here.origin, run, attack: 'server-action', fields: JSON.stringify(fields) })
  await evil.goto(`${here.protocol}//127.0.0.1:${here.port}/lab/evil-site.html?${query}`)
  await expect(evil.locator('#done')).toBeVisible({ timeout: 30_000 })
  // The attack was made: the copied fields went to the action's page, from the other site.
  const request = await posted
  expect(request.postData()).toContain(`CSRF server-action ${run}`)
  expect(await request.headerValue('origin')).toBe(`${here.protocol}//127.0.0.1:${here.port}`)

  // SameSite=Lax kept the session cookie out, and nothing changed.
  const { records } = (await (await page.request.get(`/api/lab/csrf-probe?run=${run}`)).json()) as { records: { attempt: string; cookieSent: boolean }[] }
  expect(records).toMatchObject([{ attempt: 'form-server-action', cookieSent: false }])
  expect(await goalTitles(page.request)).toEqual(before)
  expect((await authCookies(context)).access).toBeTruthy()
  await page.reload()
  await expect(goalItems(page)).toHaveCount(10)
})

test('with the session cookie but another host’s Origin, Next.js refuses the Server Action; from its own origin the same post creates the goal', async ({ page }) => {
  await signInPrivately(page)
  const fields = await actionFields(page.request)
  const post = (origin: string, title: string) =>
    page.request.post('/demo/goals', { headers: { origin }, multipart: { ...Object.fromEntries(fields), title, description: '' }, maxRedirects: 0 })
  const before = await goalTitles(page.request)

  // A sibling host of the same site: SameSite=Lax would send the cookie, as this request does.
  const refused = await post('https://sibling.example.com', 'Posted from a sibling host')
  expect(refused.status()).toBe(500)
  expect(await goalTitles(page.request)).toEqual(before)

  // The same fields from the site's own origin: the action runs, so the refusal above was the Origin check.
  const accepted = await post(new URL(page.url()).origin, 'Posted from this site')
  expect(accepted.status()).toBe(200)
  expect(await goalTitles(page.request)).toContain('Posted from this site')
})
