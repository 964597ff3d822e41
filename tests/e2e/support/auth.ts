import { expect, type Page } from '@playwright/test'

export const DEMO = { email: 'demo@example.com', password: 'demo-password' }

/** Signs in through the real form and waits for the BFF's answer. */
export async function signInThroughForm(page: Page, creds = DEMO, callbackUrl?: string) {
  const query = callbackUrl === undefined ? '' : `?callbackUrl=${encodeURIComponent(callbackUrl)}`
  await page.goto(`/demo/login${query}`)
  await page.getByLabel('Email').fill(creds.email)
  await page.getByLabel('Password').fill(creds.password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ])
  return response
}

/** JWT-shaped text: three base64url segments, the first starting like `{"`. */
export const JWT_SHAPE = /eyJ[\w-]+\.[\w-]+\.[\w-]+/

export async function expectSignedInPage(page: Page, email = DEMO.email) {
  await expect(page).toHaveURL(/\/demo\/account$/)
  await expect(page.getByTestId('account-email')).toHaveText(email)
}
