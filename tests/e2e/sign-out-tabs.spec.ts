import { expect, test } from '@playwright/test'
import { goalItems, recordProxyRequests, signInPrivately } from './support/goals'

// Signing out ends the session in every tab of the browser, not only in the
// cookies: the tab that signed out drops its cache, and the others hear of it
// on the session channel and leave the previous reader's data behind.
test('signing out in one tab sends the other to sign-in at once, and neither shows the goals any more', async ({ page, context }) => {
  await signInPrivately(page)
  await expect(goalItems(page)).toHaveCount(10)
  const other = await context.newPage()
  await other.goto('/demo/goals')
  await expect(goalItems(other)).toHaveCount(10)
  const askedByOther = recordProxyRequests(other)

  const [logout] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/logout'),
    page.getByRole('button', { name: 'Sign out' }).click(),
  ])
  expect(logout.status()).toBe(204)
  await expect(page).toHaveURL(/\/demo\/login$/)

  // The other tab learned it from the broadcast, not from a request of its own that failed.
  await expect(other).toHaveURL('/demo/login?callbackUrl=%2Fdemo%2Fgoals')
  await expect(other.getByTestId('user-badge')).toContainText('Not signed in')
  await expect(goalItems(other)).toHaveCount(0)
  expect(askedByOther).toEqual([])

  // Back in the tab that signed out: no cached page or data brings the goals back.
  await page.goBack()
  await expect(page).toHaveURL(/\/demo\/login\?callbackUrl=%2Fdemo%2Fgoals$/)
  await expect(goalItems(page)).toHaveCount(0)
})

// A broadcast reaches only the tabs already listening. A tab whose scripts have
// not run yet shows the server's render of the old session, and must still
// leave once they do.
test('a tab still loading when the other signs out leaves too, once its scripts run', async ({ page, context }) => {
  await signInPrivately(page)
  const other = await context.newPage()
  let releaseScripts!: () => void
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve))
  // Scripts only: a held stylesheet would hold the parser, and the page with it.
  await other.route((url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'), async (route) => {
    await scriptsHeld
    await route.continue()
  })
  // Not 'load': that waits for the scripts held above.
  await other.goto('/demo/goals', { waitUntil: 'domcontentloaded' })
  await expect(goalItems(other)).toHaveCount(10)
  const askedByOther = recordProxyRequests(other)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/demo\/login$/)
  releaseScripts()

  await expect(other).toHaveURL('/demo/login?callbackUrl=%2Fdemo%2Fgoals')
  await expect(other.getByTestId('user-badge')).toContainText('Not signed in')
  await expect(goalItems(other)).toHaveCount(0)
  expect(askedByOther).toEqual([])
})

// The message and the kept time reach another tab on separate paths, in either
// order. A tab that began listening between the two hears no message and has
// read no time: the time's arrival must still send it away.
test('a listening tab that missed the message leaves when the kept time reaches it', async ({ page, context }) => {
  await signInPrivately(page)
  const other = await context.newPage()
  // As if the sign-out were posted just before this tab's listeners were added.
  await other.addInitScript(() => {
    const add = BroadcastChannel.prototype.addEventListener
    BroadcastChannel.prototype.addEventListener = function (this: BroadcastChannel, type: string, listener: EventListener, options?: boolean | AddEventListenerOptions) {
      const heard = listener
      if (this.name === 'bff-session' && type === 'message') listener = (event) => (event as MessageEvent).data !== 'signed-out' && heard.call(this, event)
      return add.call(this, type, listener, options)
    } as typeof add
  })
  await other.goto('/demo/goals')
  await expect(goalItems(other)).toHaveCount(10)
  // Enabled in the render after hydration's effects, which include the subscription.
  await expect(other.getByRole('button', { name: 'Add goal' })).toBeEnabled()
  const askedByOther = recordProxyRequests(other)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/demo\/login$/)

  await expect(other).toHaveURL('/demo/login?callbackUrl=%2Fdemo%2Fgoals')
  await expect(goalItems(other)).toHaveCount(0)
  expect(askedByOther).toEqual([])
})

// The kept sign-out must not outlive the next sign-in: a docs tab opened before
// both, which then follows a link into the demos, shows the new session's page.
test('a tab opened before a sign-out and a new sign-in elsewhere stays on the demo it navigates to', async ({ page, context }) => {
  const docs = await context.newPage()
  await docs.goto('/workflows/pagination')
  await signInPrivately(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/demo\/login$/)
  await signInPrivately(page)

  // A client-side navigation, so the docs tab's document is the one from before the sign-out.
  await docs.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
  await docs.getByRole('link', { name: 'goals demo', exact: true }).click()
  await expect(docs).toHaveURL('/demo/goals')
  await expect(goalItems(docs)).toHaveCount(10)
  expect(await docs.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
  // Hydrated, and given the time a broadcast or a redirect would have taken: still here.
  await docs.waitForTimeout(1_000)
  await expect(docs).toHaveURL('/demo/goals')
  await expect(goalItems(docs)).toHaveCount(10)
})
