import { expect, test } from '@playwright/test'
import { signInPrivately } from '../e2e/support/goals'
import { CSRF, pinTo, Visitor } from './support/visitor'

// Two instances, no sticky sessions: whatever one instance wrote (an account,
// a session, a goal) the other must see, because the state lives in Redis and
// the browser's cookies are all the BFF keeps.

test('signing in on A and loading the goals on B renders them on B, on the server, with A’s cookies', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: pinTo('a') })
  const page = await context.newPage()
  // 1. The private account is created and signed in on A, which renders its goals.
  await signInPrivately(page)
  const goals = page.getByTestId('goal-list').getByTestId('goal')
  await expect(goals.first()).toBeVisible()
  const titles = await goals.allTextContents()
  expect(titles.length).toBeGreaterThan(0)

  // 2. The same browser, its cookies as A set them, now reaches only B; and
  //    the browser may not fetch the list itself, so what shows, B rendered.
  await context.setExtraHTTPHeaders(pinTo('b'))
  await page.route('**/api/proxy/goals**', (route) => route.abort())
  const response = await page.goto('/demo/goals')
  expect(response?.headers()['x-multi-instance-served-by']).toBe('b')
  expect(response?.status()).toBe(200)

  // 3. Signed in on B, with the same goals A showed.
  await expect(page).toHaveURL(/\/demo\/goals$/)
  await expect(goals).toHaveText(titles)
  await context.close()
})

test('a goal created on B shows on A, and an update on A shows on B', async () => {
  const visitor = new Visitor()
  await visitor.register('a')
  const title = `made on B ${Date.now()}`

  const created = await visitor.send('/api/proxy/goals', { on: 'b', method: 'POST', headers: CSRF, body: { title } })
  expect(created.status, created.body).toBe(201)
  expect(created.servedBy).toBe('b')
  const { id } = JSON.parse(created.body) as { id: string }

  const listedOnA = await visitor.send('/api/proxy/goals?page=1&pageSize=50', { on: 'a' })
  expect(listedOnA.status, listedOnA.body).toBe(200)
  expect(JSON.parse(listedOnA.body).items).toContainEqual(expect.objectContaining({ id, title }))

  const updated = await visitor.send(`/api/proxy/goals/${id}`, { on: 'a', method: 'PATCH', headers: CSRF, body: { progress: 42 } })
  expect(updated.status, updated.body).toBe(200)
  const readOnB = await visitor.send(`/api/proxy/goals/${id}`, { on: 'b' })
  expect(readOnB.status, readOnB.body).toBe(200)
  expect(JSON.parse(readOnB.body)).toMatchObject({ id, title, progress: 42 })
})
