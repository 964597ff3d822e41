import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signInPrivately } from './support/goals'

// axe on every page a reader can reach: the docs, found by crawling the
// sidebar and navbar from the home page, and the demos, signed out and signed
// in. No serious or critical violation of WCAG 2.1 A/AA may remain.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} → ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`)
}

test('every docs page and the signed-out demo have no serious or critical axe violations', async ({ page }) => {
  test.setTimeout(240_000)
  const queue = ['/']
  const visited = new Set<string>()
  const found: string[] = []
  while (queue.length) {
    const path = queue.shift()!
    if (visited.has(path)) continue
    visited.add(path)
    await page.goto(path)
    // Protected demos redirect to sign-in; they are checked signed in below.
    if (new URL(page.url()).pathname !== path) continue
    for (const violation of await seriousViolations(page)) found.push(`${path}: ${violation}`)
    const hrefs = await page.locator('nav a[href], aside a[href], main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    for (const href of hrefs) {
      if (/^(https?:|mailto:|#)/.test(href)) continue
      const url = new URL(href, `http://site${path}`)
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/dotnet') || /\.\w+$/.test(url.pathname)) continue
      if (!visited.has(url.pathname)) queue.push(url.pathname)
    }
  }
  // The crawl reached the whole course, not just the home page.
  for (const path of ['/workflows/login', '/workflows/mutations', '/server-client', '/api-contract', '/demo/login']) expect([...visited], path).toContain(path)
  expect(found).toEqual([])
})

test('the signed-in demos have no serious or critical axe violations', async ({ page }) => {
  test.setTimeout(120_000)
  await signInPrivately(page)
  const found: string[] = []
  for (const path of ['/demo/goals', '/demo/account', '/demo/session']) {
    await page.goto(path)
    await expect(page).toHaveURL(new RegExp(`${path}$`))
    // Wait for the client components to hydrate, so axe sees the page a reader uses.
    await page.waitForLoadState('networkidle')
    for (const violation of await seriousViolations(page)) found.push(`${path}: ${violation}`)
  }
  expect(found).toEqual([])
})
