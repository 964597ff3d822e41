import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Waits until the lazily loaded component holding `inside` is live. Docs pages
 * draw their demos on the server and fetch each one's code when it nears the
 * screen (site/components/near-screen/); a click before that lands on inert
 * HTML. On a busy 2-core machine the chunk has taken over 5 s to arrive.
 */
export async function nearScreenLive(page: Page, inside: Locator): Promise<void> {
  const wrapper = page.locator('[data-near-screen]').filter({ has: inside }).last()
  await wrapper.scrollIntoViewIfNeeded()
  await expect(wrapper).toHaveAttribute('data-near-screen', 'hydrated', { timeout: 20_000 })
}
