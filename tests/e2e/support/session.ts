import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import type { components } from '../../../demos/lib/api/dotnet-api'
import { apiBaseURL } from './api-base-url'
import { JWT_SHAPE } from './auth'

export type DemoSession = components['schemas']['DemoSession']

/** The BFF's two cookies, read the way only the test can: page JavaScript cannot. */
export async function authCookies(context: BrowserContext) {
  const cookies = await context.cookies()
  const access = cookies.find((c) => c.name.endsWith('bff.access'))
  const refresh = cookies.find((c) => c.name.endsWith('bff.refresh'))
  return { access, refresh }
}

async function bearer(context: BrowserContext) {
  const { access } = await authCookies(context)
  if (!access) throw new Error('no access cookie')
  return { authorization: `Bearer ${access.value}` }
}

/** The API's own record of the session (demo endpoint): how many refreshes reached it. */
export async function apiSession(context: BrowserContext, request: APIRequestContext): Promise<DemoSession> {
  const response = await request.get(`${apiBaseURL()}/api/demo/session`, { headers: await bearer(context) })
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as DemoSession
}

/** Has the API treat the current access token as expired, straight at the API, as the demo's button does through the BFF. */
export async function expireAtApi(context: BrowserContext, request: APIRequestContext) {
  const response = await request.post(`${apiBaseURL()}/api/demo/expire-access-token`, { headers: await bearer(context) })
  expect(response.status()).toBe(204)
}

/**
 * Leaves the demo before a test changes the cookies. The landing page's links
 * prefetch after it loads, and a prefetch still on its way would go through
 * proxy.ts with the changed cookies and make an exchange the test did not ask for.
 */
export async function leaveDemo(page: Page) {
  await page.goto('about:blank')
}

/** Replaces the access cookie's token with `token`, keeping the cookie's flags. */
export async function replaceAccessToken(context: BrowserContext, token: string) {
  const { access } = await authCookies(context)
  if (!access) throw new Error('no access cookie')
  await context.addCookies([{ ...access, value: token }])
  expect((await authCookies(context)).access?.value).toBe(token)
}

/** A copy of a token with `exp` in the past. proxy.ts reads only `exp`; no server must ever accept this one. */
export function expiredCopy(token: string) {
  const [header, payload, signature] = token.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  const past = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })).toString('base64url')
  return `${header}.${past}.${signature}`
}

/** Counts the browser's calls to the BFF's refresh route from now on. */
export function recordRefreshCalls(...pages: Page[]) {
  const calls: string[] = []
  for (const page of pages) {
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/auth/refresh') calls.push(page.url())
    })
  }
  return calls
}

/** Every status the proxy answered for goals, from now on. */
export function recordGoalStatuses(page: Page) {
  const statuses: number[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/proxy/goals') statuses.push(response.status())
  })
  return statuses
}

/** No test here may pass while page JavaScript can see a token. */
export async function expectNoTokenInPage(page: Page, context: BrowserContext) {
  const visible = await page.evaluate(() => document.cookie)
  expect(visible).not.toMatch(JWT_SHAPE)
  const { access, refresh } = await authCookies(context)
  for (const cookie of [access, refresh]) {
    if (cookie) {
      expect(cookie.httpOnly).toBe(true)
      expect(visible).not.toContain(cookie.value)
    }
  }
}
