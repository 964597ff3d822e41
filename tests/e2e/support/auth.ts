import { expect, type Page } from '@playwright/test'
import { JWT_IN_TEXT } from '../../../demos/lib/auth/bearer'

export const DEMO = { email: 'demo@example.com', password: 'demo-password' }

/**
 * Signs in through the real form. Returns the BFF's response and its body, read
 * on the way through: the form does not read the body of a successful sign-in,
 * so the browser never finishes loading it and DevTools could not return it.
 */
export async function signInThroughForm(page: Page, creds = DEMO, callbackUrl?: string, { captureBody = false } = {}) {
  const query = callbackUrl === undefined ? '' : `?callbackUrl=${encodeURIComponent(callbackUrl)}`
  let body = ''
  // Only when asked: the other tests see the browser's own handling of Set-Cookie.
  if (captureBody) {
    await page.route('**/api/auth/login', async (route) => {
      const response = await route.fetch()
      body = await response.text()
      await route.fulfill({ response, body })
    })
  }
  await page.goto(`/demo/login${query}`)
  await page.getByLabel('Email').fill(creds.email)
  await page.getByLabel('Password').fill(creds.password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ])
  return { response, body: () => body }
}

/**
 * JWT-shaped text, as the product itself defines it: three base64url parts,
 * the first starting like `{"`, and an empty signature counts (an alg:none forgery).
 */
export const JWT_SHAPE = JWT_IN_TEXT

export async function expectSignedInPage(page: Page, email = DEMO.email) {
  await expect(page).toHaveURL(/\/demo\/account$/)
  await expect(page.getByTestId('account-email')).toHaveText(email)
}
