import { expect, test } from '@playwright/test'
import { firstLoadScripts } from './support/first-load'

// Issue 18: a docs page carries only what it shows. A demo, an experiment or the
// attack lab is in the page's HTML from the server, and its code is fetched when
// it nears the screen (site/components/near-screen/); pages without one load none of it.

// Text only that component's code holds, which minifying keeps.
const DEMO_CODE = {
  'the sign-in form': 'Fill in the demo account',
  'the way into a protected demo': 'Open it (signed-in readers)',
  'an experiment\u2019s loader': 'Loads as you scroll here.',
  'the session demo\u2019s controls': 'token-controls-result',
}

test('a docs page without a demo loads none of the demos\u2019 code', async ({ request }) => {
  for (const path of ['/glossary', '/workflows/login']) {
    const scripts = await firstLoadScripts(request, path)
    for (const [what, marker] of Object.entries(DEMO_CODE)) {
      for (const { src, code } of scripts) expect(code.includes(marker), `${path}: ${src} holds ${what}`).toBe(false)
    }
  }
})

test('a demo below the fold is drawn by the server, and its code loads when the reader scrolls near it', async ({ page }) => {
  await page.goto('/workflows/pagination')
  const experiment = page.locator('[data-near-screen]').filter({ has: page.locator('[data-experiment="pagination"]') })
  // In the HTML from the start: the highlighted code, before any of its JavaScript.
  await expect(experiment.locator('[data-placeholder="code"]')).toBeVisible()
  await page.waitForLoadState('load')
  await expect(experiment).toHaveAttribute('data-near-screen', '')
  await experiment.scrollIntoViewIfNeeded()
  await expect(experiment).toHaveAttribute('data-near-screen', 'hydrated', { timeout: 20_000 })
})

test('the sign-in demo on the Workflow A page works once its code has loaded near the screen', async ({ page }) => {
  await page.goto('/workflows/login')
  const panel = page.locator('[data-near-screen]').filter({ has: page.getByRole('region', { name: 'Live sign-in demo' }) })
  // Its chunk is fetched once the page has hydrated and seen the panel on screen: on a busy 2-core machine that has taken over 5 s.
  await expect(panel).toHaveAttribute('data-near-screen', 'hydrated', { timeout: 20_000 })
  await panel.getByRole('button', { name: 'Fill in the demo account' }).click()
  await panel.getByRole('button', { name: 'Sign in' }).click()
  // Signing in hashes the password: on a busy machine that has taken over 5 s.
  await expect(page).toHaveURL(/\/demo\/account$/, { timeout: 30_000 })
})
