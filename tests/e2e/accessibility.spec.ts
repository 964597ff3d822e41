import { readdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signInPrivately } from './support/goals'

// axe on every page a reader can reach: each docs page in content/ (so a new
// page cannot be left out), the sign-in page, and the demos signed in. No
// serious or critical violation of WCAG 2.1 A/AA may remain.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const DOCS = readdirSync('content', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => `/${file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}`)
const SIGNED_IN_DEMOS = ['/demo/goals', '/demo/account', '/demo/session']

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} → ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`)
}

// Two pages at a time, each in its own tab: axe runs inside the page, so on
// two cores two tabs analyse side by side in about the time one takes. Each
// path still gets its own test step and its own line in a failure.
const PAIRS = [...DOCS, '/demo/login'].reduce<string[][]>((pairs, path, i) => (i % 2 ? pairs.at(-1)!.push(path) : pairs.push([path]), pairs), [])

for (const paths of PAIRS) {
  test(`${paths.join(' and ')} ${paths.length > 1 ? 'have' : 'has'} no serious or critical axe violations`, async ({ context }) => {
    const found = await Promise.all(
      paths.map((path) =>
        test.step(path, async () => {
          const page = await context.newPage()
          await page.goto(path)
          await expect(page).toHaveURL(new RegExp(`${path}$`))
          return { path, violations: await seriousViolations(page) }
        }),
      ),
    )
    for (const { path, violations } of found) expect(violations, path).toEqual([])
  })
}

test('the signed-in demos have no serious or critical axe violations', async ({ page }) => {
  await signInPrivately(page)
  for (const path of SIGNED_IN_DEMOS) {
    await page.goto(path)
    await expect(page).toHaveURL(new RegExp(`${path}$`))
    // Let the client components hydrate, so axe sees the page a reader uses.
    await page.waitForLoadState('networkidle')
    expect(await seriousViolations(page), path).toEqual([])
  }
})

test('the navigation leads only to pages checked above', async ({ page }) => {
  await page.goto('/')
  const hrefs = await page.locator('nav a[href^="/"], aside a[href^="/"]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
  expect(hrefs.length).toBeGreaterThan(5)
  for (const path of new Set(hrefs)) expect([...DOCS, '/demo/login', ...SIGNED_IN_DEMOS], path).toContain(path)
})
