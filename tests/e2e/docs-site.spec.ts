import { expect, test } from '@playwright/test'
import { CLASS_ATTRIBUTE_SELECTOR } from '@/site/postcss/class-names-for-class-attributes.mjs'

// What the docs theme promises and the site relies on: the home page's diagram,
// search, dark mode and the table of contents, in the production build.
test('the home page shows the patterns table and renders the architecture diagram', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('JWTs the browser never sees')
  const table = page.getByRole('table').first()
  for (const pattern of ['Direct calls', 'Full proxy', 'Hybrid (this site)']) await expect(table).toContainText(pattern)
  // The diagram is an image drawn ahead of time (npm run diagrams), loaded as it nears the screen.
  await page.getByRole('heading', { name: 'The architecture' }).scrollIntoViewIfNeeded()
  const diagram = page.getByRole('img', { name: /proxy\.ts/ })
  await expect(diagram).toBeVisible()
  await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
})

test('search finds the login workflow', async ({ page }) => {
  await page.goto('/')
  // The theme renders a second, hidden search box for small screens.
  await page.locator('input[placeholder^="Search documentation"]:visible').fill('httpOnly')
  const result = page.getByRole('option').filter({ hasText: 'Workflow A' }).first()
  await expect(result).toBeVisible({ timeout: 15_000 })
})

test('dark mode can be switched on and sticks across pages', async ({ page }) => {
  await page.goto('/workflows/login')
  await page.getByRole('button', { name: /light|dark|system/i }).first().click()
  await page.getByRole('option', { name: 'Dark' }).click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.goto('/api-contract')
  await expect(page.locator('html')).toHaveClass(/dark/)
})

// next-themes applies the theme once more when it mounts. With the theme's default,
// it first adds a `* { transition: none }` sheet and takes it away after: two
// restyles of the whole page on every load (theme.config.tsx).
test('no page load or theme switch adds a sheet that turns transitions off', async ({ page }) => {
  await page.addInitScript(() => {
    const added: string[] = []
    Object.assign(window, { stylesAdded: added })
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof HTMLStyleElement) added.push(node.textContent ?? '')
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto('/workflows/login')
  // The switch answers only once the page is hydrated, after the theme's mount effect has run.
  await page.getByRole('button', { name: /light|dark|system/i }).first().click()
  await page.getByRole('option', { name: 'Dark' }).click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  const added = await page.evaluate(() => (window as unknown as { stylesAdded: string[] }).stylesAdded)
  expect(added.filter((css) => /transition:\s*none/.test(css))).toEqual([])
})

// A selector on the class attribute makes the browser restyle every <span> below
// any element whose class changes, such as <html> when the theme is applied: on a
// code page, thousands of token spans (postcss.config.mjs rewrites the theme's).
test("no rule in a docs page's stylesheets selects on the class attribute", async ({ page }) => {
  await page.goto('/dotnet-api')
  const selectors = await page.evaluate(() => {
    const found: string[] = []
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) found.push(rule.selectorText)
        if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules)
      }
    }
    for (const sheet of document.styleSheets) walk(sheet.cssRules)
    return found
  })
  expect(selectors.length).toBeGreaterThan(100)
  expect(selectors.filter((selector) => CLASS_ATTRIBUTE_SELECTOR.test(selector))).toEqual([])
})

// The theme's own date component calls Intl, whose first use is a long task
// while the page hydrates (site/components/last-updated.tsx).
test('a docs page says when it last changed, and loads without calling Intl', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: string[] = []
    Object.assign(window, { intlCalls: calls })
    const DateTimeFormat = Intl.DateTimeFormat
    Intl.DateTimeFormat = new Proxy(DateTimeFormat, { construct: (target, args) => (calls.push('DateTimeFormat'), new target(...args)), apply: (target, self, args) => (calls.push('DateTimeFormat'), target(...args)) })
    const toLocaleDateString = Date.prototype.toLocaleDateString
    Date.prototype.toLocaleDateString = function (...args: Parameters<Date['toLocaleDateString']>) {
      calls.push('toLocaleDateString')
      return toLocaleDateString.apply(this, args)
    }
  })
  await page.goto('/glossary')
  await expect(page.locator('article time')).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/)
  // Hydrated: the theme switch opens its menu.
  await page.getByRole('button', { name: /light|dark|system/i }).first().click()
  await expect(page.getByRole('option', { name: 'Dark' })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { intlCalls: string[] }).intlCalls)).toEqual([])
})

test('the table of contents lists the steps and links to them', async ({ page }) => {
  await page.goto('/workflows/login')
  const toc = page.locator('nav').filter({ hasText: 'On This Page' })
  await toc.getByRole('link', { name: /The cookies, and why each flag/ }).click()
  await expect(page).toHaveURL(/#4-the-cookies-and-why-each-flag$/)
})

// A long page can paint before all of its HTML has arrived, shorter than the
// window, with no scroll bar. When it grows past the window, the scroll bar that
// appears (15px in this Chromium) must not narrow what is painted and re-wrap
// every line. A loaded page always overflows, so the scroll bar is taken away.
test('the page keeps its width with and without a scroll bar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/glossary')
  const article = page.locator('article').first()
  const withScrollBar = await article.boundingBox()
  await page.evaluate(() => (document.documentElement.style.overflowY = 'hidden'))
  expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true)
  expect(await article.boundingBox()).toEqual(withScrollBar)
})

test('the Swagger document linked from the contract page is served by the mock', async ({ page, request }) => {
  await page.goto('/api-contract')
  const href = await page.getByRole('link', { name: '/dotnet/swagger/v1/swagger.json' }).getAttribute('href')
  const document = await (await request.get(href!)).json()
  expect(document.openapi).toMatch(/^3\./)
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/goals', '/api/goals/{id}', '/api/users/me']))
  // The endpoint table on the page is rendered from that same document.
  for (const path of Object.keys(document.paths)) await expect(page.getByRole('cell', { name: path, exact: true }).first()).toBeVisible()
})

// The reading path: every page ends with a link to the next one in the course.
// Read from each page's HTML as the server sends it, parsed by the browser with
// scripts off: the link is there before any script runs, and 22 full page
// loads would cost about a minute of CI.
const COURSE = ['/', '/workflows/login', '/workflows/server-fetch', '/workflows/pagination', '/workflows/mutations', '/workflows/large-files', '/token-refresh', '/refresh-token-rotation', '/type-safety', '/route-protection', '/server-client', '/wire-inspector', '/production', '/multi-instance', '/adopt', '/threat-model', '/attack-lab', '/decisions', '/api-contract', '/dotnet-api', '/measured', '/glossary', '/about']
test.describe('the reading path', () => {
  test.use({ javaScriptEnabled: false })
  test('every page of the course ends with a link to the next step', async ({ page, request }) => {
    for (const [i, path] of COURSE.slice(0, -1).entries()) {
      await test.step(`${path} → ${COURSE[i + 1]}`, async () => {
        const response = await request.get(path)
        expect(response.status(), path).toBe(200)
        await page.setContent(await response.text(), { waitUntil: 'domcontentloaded' })
        // The last link of the page's content: the theme's "next" link at the bottom.
        const last = page.locator('article a[href^="/"]').last()
        await expect(last, path).toHaveAttribute('href', COURSE[i + 1])
        await expect(last, `${path}: the link names the next page`).not.toHaveText('')
      })
    }
  })
})
