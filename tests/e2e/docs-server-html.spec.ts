import { expect, type Locator, type Page, test } from '@playwright/test'

// Issue 18: long static tables and charts are kept as the server's HTML instead
// of hydrated (site/components/server-html.tsx). React marks each element it
// creates or hydrates with a __reactFiber$… property; kept HTML has none.

const hasFiber = (element: Locator) => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactFiber$')))

/** The page has hydrated once React owns the sidebar's link to it. */
async function hydrated(page: Page) {
  await expect.poll(() => hasFiber(page.locator('.nextra-sidebar a[href="/glossary"]'))).toBe(true)
}

test('on a page loaded from the server, the static tables stay as it wrote them: shown, and not hydrated', async ({ page }) => {
  await page.goto('/measured')
  await hydrated(page)
  const kept = page.locator('[data-server-html]')
  expect(await kept.count()).toBeGreaterThanOrEqual(5)
  // The wrapper is React's; nothing inside it is.
  expect(await hasFiber(kept.first())).toBe(true)
  const goals = page.getByTestId('bench-goals')
  await expect(goals.locator('tbody tr').first()).toBeVisible()
  expect(await hasFiber(goals)).toBe(false)
  expect(await hasFiber(goals.locator('td').first())).toBe(false)
  const anyInsideHydrated = await kept.evaluateAll((wrappers) =>
    wrappers.some((wrapper) => [...wrapper.querySelectorAll('*')].some((node) => Object.keys(node).some((key) => key.startsWith('__reactFiber$')))),
  )
  expect(anyInsideHydrated).toBe(false)
})

test('after a client-side navigation, with no server HTML to keep, the same tables render in the browser', async ({ page }) => {
  await page.goto('/glossary')
  await hydrated(page)
  // Survives a client-side navigation, not a page load.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
  await page.locator('.nextra-sidebar a[href="/measured"]').click()
  await expect(page).toHaveURL(/\/measured$/)
  const goals = page.getByTestId('bench-goals')
  await expect(goals.locator('tbody tr').first()).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
  expect(await hasFiber(goals.locator('td').first())).toBe(true)
})
