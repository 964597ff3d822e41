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
