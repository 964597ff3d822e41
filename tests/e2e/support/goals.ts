import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import { apiBaseURL } from './api-base-url'

/** Signs in with a fresh private account (its own seeded goals) and lands on the goals demo. */
export async function signInPrivately(page: Page, callbackUrl = '/demo/goals') {
  await page.goto(`/demo/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await page.getByRole('button', { name: 'Create a private demo account' }).click()
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[?]/g, '\\?')}$`))
}

export type DemoControls = { latencyMs?: number; failNextMutations?: number; failureRate?: number; down?: boolean }

/**
 * Sets the mock API's failure controls for the signed-in account, straight at
 * the API with the account's own access token (the test can read the httpOnly
 * cookie; page JavaScript cannot).
 */
export async function setDemoControls(context: BrowserContext, request: APIRequestContext, controls: DemoControls | null) {
  const token = (await context.cookies()).find((c) => c.name.endsWith('bff.access'))?.value
  if (!token) throw new Error('not signed in')
  const headers = { authorization: `Bearer ${token}` }
  const response = controls
    ? await request.put(`${apiBaseURL()}/api/demo/controls`, { headers, data: { latencyMs: 0, failNextMutations: 0, failureRate: 0, down: false, ...controls } })
    : await request.delete(`${apiBaseURL()}/api/demo/controls`, { headers })
  expect(response.ok(), await response.text()).toBe(true)
}

/** Records the browser's requests to the proxy from now on. */
export function recordProxyRequests(page: Page) {
  const seen: { method: string; url: string; at: number }[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/proxy/')) seen.push({ method: request.method(), url: request.url(), at: Date.now() })
  })
  return seen
}

export const goalItems = (page: Page) => page.getByTestId('goal-list').getByTestId('goal')
