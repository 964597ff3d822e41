import { expect, test } from '@playwright/test'
import { goalItems, recordProxyRequests, setDemoControls, signInPrivately } from './support/goals'

test.describe('Workflow B: server fetch and hydration', () => {
  test('the first load has the goals in the server HTML and makes no browser request for them', async ({ page }) => {
    await signInPrivately(page)
    const proxied = recordProxyRequests(page)
    // The signal that the page has settled: the wire inspector's first poll. The
    // panel loads only once the browser is idle, after hydration and every mount
    // effect (a refetch on mount, the next-page prefetch) has had its turn.
    const settled = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/trace' && r.request().method() === 'GET')
    const response = await page.goto('/demo/goals')
    // React separates adjacent text with <!-- --> markers in HTML.
    const html = (await response!.text()).replaceAll('<!-- -->', '')
    await expect(goalItems(page)).toHaveCount(10)
    const firstTitle = (await goalItems(page).first().locator('strong').innerText()).trim()
    // React escapes text in HTML; compare like with like.
    expect(html).toContain(firstTitle.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;').replaceAll('<', '&lt;'))
    expect(html).toContain('Page 1 of 3')
    await settled
    expect(proxied).toEqual([])
  })

  test('nothing on screen moves while the goals stream in behind loading.tsx (layout shift at most 0.02)', async ({ page, context, request }) => {
    await signInPrivately(page)
    // A slow API, so the browser paints loading.tsx before the page replaces it.
    await setDemoControls(context, request, { latencyMs: 400 })
    await page.addInitScript(() => {
      const store = window as unknown as { layoutShift: number }
      store.layoutShift = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) store.layoutShift += entry.value
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    // Settled once the wire inspector polls: hydration and every mount effect have had their turn.
    const settled = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/trace' && r.request().method() === 'GET')
    await page.goto('/demo/goals')
    await expect(goalItems(page)).toHaveCount(10)
    await settled
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBeLessThanOrEqual(0.02)
  })
})

test.describe('Workflow C: pagination and filtering through the proxy', () => {
  test('page 2 comes from the prefetched cache: no request for it after the click', async ({ page }) => {
    await signInPrivately(page)
    await page.goto('/demo/goals')
    const proxied = recordProxyRequests(page)
    const clickedAt = Date.now()
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByTestId('page-indicator')).toContainText('Page 2 of 3')
    await expect(page).toHaveURL(/\/demo\/goals\?page=2$/)
    expect(proxied.filter((r) => r.at >= clickedAt && /[?&]page=2\b/.test(r.url))).toEqual([])
  })

  test('the filter resets the page, goes through the proxy, and the URL keeps the view across reload and back', async ({ page }) => {
    await signInPrivately(page)
    await page.goto('/demo/goals?page=2')
    await expect(page.getByTestId('page-indicator')).toContainText('Page 2 of 3')
    const proxied = recordProxyRequests(page)
    await page.getByLabel('Show').selectOption('completed')
    await expect(page).toHaveURL(/\/demo\/goals\?status=completed$/)
    await expect(page.getByTestId('page-indicator')).toContainText('Page 1 of')
    await expect(page.getByTestId('fetching-indicator')).toHaveText('')
    expect(proxied.some((r) => r.url.includes('status=completed'))).toBe(true)
    for (const badge of await goalItems(page).locator('.bff-badge-completed, .bff-badge-active').allInnerTexts()) expect(badge).toBe('completed')

    await page.reload()
    await expect(page.getByLabel('Show')).toHaveValue('completed')
    await expect(page.getByTestId('page-indicator')).toContainText('Page 1 of')

    await page.goBack()
    await expect(page).toHaveURL(/\/demo\/goals\?page=2$/)
    await expect(page.getByTestId('page-indicator')).toContainText('Page 2 of 3')
  })

  test('Next is disabled on the last page', async ({ page }) => {
    await signInPrivately(page)
    await page.goto('/demo/goals?page=3')
    await expect(page.getByTestId('page-indicator')).toContainText('Page 3 of 3')
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled()
  })
})

test.describe('Workflow D: optimistic mutations', () => {
  test('a created goal shows before the slow POST completes, and stays', async ({ page, context, request }) => {
    await signInPrivately(page)
    await setDemoControls(context, request, { latencyMs: 1500 })
    await page.goto('/demo/goals')
    await page.getByLabel('Title').first().fill('Optimistic goal')
    const post = page.waitForResponse((r) => r.url().endsWith('/api/proxy/goals') && r.request().method() === 'POST')
    let answered = false
    void post.then(() => (answered = true))
    await page.getByRole('button', { name: 'Add goal' }).click()
    await expect(goalItems(page).first()).toContainText('Optimistic goal', { timeout: 1000 })
    expect(answered).toBe(false)
    expect((await post).status()).toBe(201)
    await expect(goalItems(page).first()).not.toHaveAttribute('data-pending')
    await expect(goalItems(page).first()).toContainText('Optimistic goal')
  })

  test('a failed create rolls back and says what failed', async ({ page, context, request }) => {
    await signInPrivately(page)
    await setDemoControls(context, request, { latencyMs: 800, failNextMutations: 1 })
    await page.goto('/demo/goals')
    await page.getByLabel('Title').first().fill('Doomed goal')
    await page.getByRole('button', { name: 'Add goal' }).click()
    await expect(goalItems(page).first()).toContainText('Doomed goal')
    await expect(page.getByTestId('mutation-error')).toContainText('Could not create "Doomed goal"')
    await expect(page.getByTestId('goal-list')).not.toContainText('Doomed goal')
  })

  test('an edit applies at once and rolls back on failure', async ({ page, context, request }) => {
    await signInPrivately(page)
    await page.goto('/demo/goals')
    const first = goalItems(page).first()
    const original = (await first.locator('strong').innerText()).trim()

    await setDemoControls(context, request, { latencyMs: 1500 })
    await first.getByRole('button', { name: 'Edit' }).click()
    await page.getByRole('form', { name: `Edit "${original}"` }).getByLabel('Title').fill('Renamed goal')
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/proxy/goals/'))
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(goalItems(page).first()).toContainText('Renamed goal', { timeout: 1000 })
    // The slow save must be over before the next one is told to fail, or it would take that failure itself.
    expect((await saved).ok()).toBe(true)
    await expect(goalItems(page).first()).toContainText('Renamed goal')

    await setDemoControls(context, request, { latencyMs: 800, failNextMutations: 1 })
    await goalItems(page).first().getByRole('button', { name: 'Edit' }).click()
    await page.getByRole('form', { name: 'Edit "Renamed goal"' }).getByLabel('Title').fill('Never saved')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(goalItems(page).first()).toContainText('Never saved')
    await expect(page.getByTestId('mutation-error')).toContainText('Could not save "Never saved"')
    await expect(goalItems(page).first()).toContainText('Renamed goal')
  })

  test('a delete applies at once and rolls back on failure', async ({ page, context, request }) => {
    await signInPrivately(page)
    await page.goto('/demo/goals')
    const title = (await goalItems(page).first().locator('strong').innerText()).trim()
    await setDemoControls(context, request, { latencyMs: 800, failNextMutations: 1 })
    await page.getByRole('button', { name: `Delete "${title}"` }).click()
    await expect(page.getByTestId('goal-list')).not.toContainText(title)
    await expect(page.getByTestId('mutation-error')).toContainText(`Could not delete "${title}"`)
    await expect(page.getByTestId('goal-list')).toContainText(title)

    await setDemoControls(context, request, null)
    await page.getByRole('button', { name: `Delete "${title}"` }).click()
    await expect(page.getByTestId('goal-list')).not.toContainText(title)
    await page.reload()
    await expect(page.getByTestId('goal-list')).not.toContainText(title)
  })
})

test.describe('Workflow D: the Server Action with JavaScript', () => {
  test('the title shows, marked as sending, before the slow action answers; then the new goal is in the list', async ({ page, context, request }) => {
    await signInPrivately(page)
    await setDemoControls(context, request, { latencyMs: 1500 })
    await page.goto('/demo/goals')
    const form = page.getByTestId('server-action-form')
    await form.getByLabel('Title').fill('Sent by an action')
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/demo/goals')
    let done = false
    void answered.then(() => (done = true))
    await form.getByRole('button', { name: 'Create with a Server Action' }).click()
    await expect(form.getByTestId('server-action-sending')).toContainText('Sent by an action')
    expect(done).toBe(false)
    expect((await answered).status()).toBe(200)
    await expect(form.getByRole('status')).toHaveText('Created "Sent by an action".')
    await expect(form.getByTestId('server-action-sending')).toHaveCount(0)
    await expect(page.getByTestId('goal-list')).toContainText('Sent by an action')
  })
})

test.describe('Workflow D: the Server Action works without JavaScript', () => {
  test('creating a goal and seeing field errors, with JavaScript disabled', async ({ page, browser }) => {
    await signInPrivately(page)
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })
    const plain = await noJs.newPage()
    await plain.goto('/demo/goals')
    const form = plain.getByTestId('server-action-form')

    await form.getByLabel('Title').fill('   ')
    await form.getByRole('button', { name: 'Create with a Server Action' }).click()
    await expect(plain.getByTestId('server-action-form').getByText('Enter a title')).toBeVisible()

    await plain.getByTestId('server-action-form').getByLabel('Title').fill('Made without JavaScript')
    await plain.getByTestId('server-action-form').getByRole('button', { name: 'Create with a Server Action' }).click()
    await expect(plain.getByTestId('server-action-form').getByText('Created "Made without JavaScript".')).toBeVisible()
    await noJs.close()

    // The goal really exists: the list, rendered for the JavaScript-enabled page, shows it.
    await page.goto('/demo/goals')
    await expect(page.getByTestId('goal-list')).toContainText('Made without JavaScript')
  })

  test('the optimistic form is disabled until JavaScript runs', async ({ page, browser }) => {
    await signInPrivately(page)
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })
    const plain = await noJs.newPage()
    const response = await plain.goto('/demo/goals')
    // The list streams in behind loading.tsx; its HTML has the form's disabled fieldset.
    expect(await response!.text()).toMatch(/<fieldset disabled="" class="bff-fieldset">/)
    await noJs.close()
  })
})

test.describe('error boundary', () => {
  test('with the API down the page shows the error UI, and recovers on retry once it is back', async ({ page, context, request }) => {
    await signInPrivately(page)
    await setDemoControls(context, request, { down: true })
    await page.goto('/demo/goals')
    await expect(page.getByTestId('goals-error')).toBeVisible()
    await setDemoControls(context, request, null)
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(goalItems(page)).toHaveCount(10)
  })
})
