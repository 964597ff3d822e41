import { expect, test, type Page } from '@playwright/test'
import { apiBaseURL } from './support/api-base-url'
import { goalItems, signInPrivately } from './support/goals'
import {
  apiSession,
  authCookies,
  expectNoTokenInPage,
  expiredCopy,
  expireAtApi,
  leaveDemo,
  recordGoalStatuses,
  recordRefreshCalls,
  replaceAccessToken,
} from './support/session'

// What the token refresh page claims, checked in a browser against a production build.

test.describe('proactive refresh in proxy.ts', () => {
  for (const state of ['missing', 'expired'] as const) {
    test(`a protected page whose access token is ${state} renders with its data after exactly one refresh`, async ({ page, context, request }) => {
      await signInPrivately(page)
      await leaveDemo(page)
      const before = await authCookies(context)
      if (state === 'missing') await context.clearCookies({ name: before.access!.name })
      else await replaceAccessToken(context, expiredCopy(before.access!.value))
      const browserRefreshes = recordRefreshCalls(page)

      await page.goto('/demo/goals?page=2')
      await expect(page).toHaveURL(/\/demo\/goals\?page=2$/)
      await expect(goalItems(page)).toHaveCount(10)
      await expect(page.getByTestId('page-indicator')).toContainText('Page 2 of 3')

      // One exchange, made by proxy.ts on the server; the browser called nothing.
      expect(await apiSession(context, request)).toMatchObject({ rotations: 1, overlapReuses: 0 })
      expect(browserRefreshes).toEqual([])
      const after = await authCookies(context)
      expect(after.refresh!.value).not.toBe(before.refresh!.value)
      await expectNoTokenInPage(page, context)
    })
  }
})

test.describe('reactive refresh in the browser', () => {
  test('20 requests with an expired access token make one refresh call, and all 20 succeed', async ({ page, context, request }) => {
    await signInPrivately(page, '/demo/session')
    await expect(page.getByTestId('family-rotations')).toHaveText('0')
    const refreshes = recordRefreshCalls(page)
    const statuses = recordGoalStatuses(page)

    await page.getByRole('button', { name: 'Expire my access token now' }).click()
    await expect(page.getByTestId('token-controls-result')).toContainText('20 of 20 requests succeeded.')

    // Each request: a 401 with the expired token, then its one retry.
    expect(statuses.filter((s) => s === 401)).toHaveLength(20)
    expect(statuses.filter((s) => s === 200)).toHaveLength(20)
    expect(refreshes).toHaveLength(1)
    expect(await apiSession(context, request)).toMatchObject({ rotations: 1, overlapReuses: 0 })
    // The server view, rendered again after the refresh broadcast, shows it too.
    await expect(page.getByTestId('family-rotations')).toHaveText('1')
    await expectNoTokenInPage(page, context)
  })
})

test.describe('two tabs of one browser', () => {
  test('refreshing from their scripts at the same moment: one refresh, neither signed out, the family intact', async ({ page, context, request }) => {
    await signInPrivately(page)
    const other = await context.newPage()
    await other.goto('/demo/goals')
    await expect(goalItems(other)).toHaveCount(10)
    await expireAtApi(context, request)
    // Slow the refresh down, so the second tab's 401 surely lands while the first one refreshes.
    for (const tab of [page, other]) {
      await tab.route('**/api/auth/refresh', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 750))
        await route.continue()
      })
    }
    const refreshes = recordRefreshCalls(page, other)

    await Promise.all([page, other].map((tab) => tab.getByLabel('Show').selectOption('completed')))
    for (const tab of [page, other]) {
      await expect(tab).toHaveURL(/\/demo\/goals\?status=completed$/)
      await expect(tab.getByTestId('fetching-indicator')).toHaveText('')
      await expect(goalItems(tab).first()).toBeVisible()
      await expect(tab.getByTestId('mutation-error')).toHaveText('')
    }

    expect(refreshes).toHaveLength(1)
    expect(await apiSession(context, request)).toMatchObject({ rotations: 1, overlapReuses: 0 })
    for (const tab of [page, other]) await expectNoTokenInPage(tab, context)
  })

  test('navigating at the same moment: one rotation, nobody is signed out', async ({ page, context, request }) => {
    await signInPrivately(page)
    await leaveDemo(page)
    const other = await context.newPage()
    await context.clearCookies({ name: (await authCookies(context)).access!.name })
    // Hold both page requests until both have left with the same refresh cookie.
    let arrived = 0
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    await context.route('**/demo/goals', async (route) => {
      if (++arrived === 2) open()
      await gate
      await route.continue()
    })
    await Promise.all([page, other].map((tab) => tab.goto('/demo/goals')))

    for (const tab of [page, other]) {
      await expect(tab).toHaveURL(/\/demo\/goals$/)
      await expect(goalItems(tab)).toHaveCount(10)
    }
    // One rotation and no revocation. Whether the second refresh reached the API
    // depends on timing: while the first is in flight, proxy.ts's refreshOnce
    // hands the second its result (no API call); once it has finished, the
    // second asks the API with the same token and its overlap window answers.
    const session = await apiSession(context, request)
    expect(session).toMatchObject({ rotations: 1 })
    expect(session.overlapReuses).toBeLessThanOrEqual(1)
    for (const tab of [page, other]) await expectNoTokenInPage(tab, context)
  })
})

test.describe('reuse detection', () => {
  test('a replayed refresh token revokes the family: the next request is refused and every tab ends at sign-in', async ({ page, context, request }) => {
    await signInPrivately(page, '/demo/session')
    await page.getByRole('button', { name: 'Expire my access token now' }).click()
    await expect(page.getByTestId('token-controls-result')).toContainText('20 of 20 requests succeeded.')
    const other = await context.newPage()
    await other.goto('/demo/goals')
    await expect(goalItems(other)).toHaveCount(10)

    const replay = page.getByRole('button', { name: 'Replay an old refresh token' })
    await expect(replay).toBeEnabled()
    await replay.click()
    await expect(page.getByTestId('token-controls-result')).toContainText('Reuse detected')
    // The API refuses the family's access tokens at once, not 15 minutes later.
    const refused = await request.get(`${apiBaseURL()}/api/users/me`, {
      headers: { authorization: `Bearer ${(await authCookies(context)).access!.value}` },
    })
    expect(refused.status()).toBe(401)

    // This tab's next request: 401, the refresh is refused, the cookies go, sign in.
    await page.getByRole('button', { name: 'Send 20 requests at once' }).click()
    await expectAtSignIn(page, '/demo/session')
    expect(await authCookies(context)).toEqual({ access: undefined, refresh: undefined })

    // The other tab heard it on the session channel and went to sign in, without a request of its own.
    await expectAtSignIn(other, '/demo/goals')
    for (const tab of [page, other]) await expectNoTokenInPage(tab, context)
  })
})

async function expectAtSignIn(page: Page, callbackUrl: string) {
  await expect(page).toHaveURL(`/demo/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
}
