import { describe, expect, it } from 'vitest'
import { callJson, expectProblem, signIn, type GoalPage } from './api-client'

async function getPage(token: string, query: string) {
  const response = await callJson('GET', `/api/goals?${query}`, undefined, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as GoalPage
}

describe('GET /api/goals pagination', () => {
  it('seeds a new account with at least three pages and gets the arithmetic right', async () => {
    const { accessToken: token } = await signIn()
    const first = await getPage(token, '')
    expect(first.page).toBe(1)
    expect(first.pageSize).toBe(10)
    expect(first.totalCount).toBeGreaterThanOrEqual(25)
    expect(first.totalPages).toBe(Math.ceil(first.totalCount / 10))
    expect(first.hasMore).toBe(true)

    const seen: string[] = []
    const createdAt: string[] = []
    for (let page = 1; page <= first.totalPages; page++) {
      const current = await getPage(token, `page=${page}&pageSize=10`)
      const expectedSize = page < first.totalPages ? 10 : first.totalCount - 10 * (first.totalPages - 1)
      expect(current.items).toHaveLength(expectedSize)
      expect(current.hasMore).toBe(page < first.totalPages)
      seen.push(...current.items.map((goal) => goal.id))
      createdAt.push(...current.items.map((goal) => goal.createdAt))
    }
    expect(new Set(seen).size).toBe(first.totalCount)
    // Newest first across page boundaries.
    expect(createdAt).toEqual([...createdAt].sort().reverse())

    const past = await getPage(token, `page=${first.totalPages + 1}`)
    expect(past).toMatchObject({ items: [], hasMore: false, totalCount: first.totalCount })
  })

  it('puts a new goal first', async () => {
    const { accessToken: token } = await signIn()
    const created = await (await callJson('POST', '/api/goals', { title: 'Newest' }, { token })).json()
    const first = await getPage(token, 'pageSize=1')
    expect(first.items[0].id).toBe(created.id)
  })

  it('allows pageSize 50 and refuses 51, 0, page 0 and non-numbers', async () => {
    const { accessToken: token } = await signIn()
    const big = await getPage(token, 'pageSize=50')
    expect(big.items).toHaveLength(Math.min(50, big.totalCount))

    for (const [query, key] of [
      ['pageSize=51', 'PageSize'],
      ['pageSize=0', 'PageSize'],
      ['page=0', 'Page'],
      ['page=abc', 'Page'],
    ]) {
      const body = await expectProblem(await callJson('GET', `/api/goals?${query}`, undefined, { token }), 400)
      expect(body.errors, query).toHaveProperty(key)
    }
  })

  it('filters by status, and the filtered totals add up', async () => {
    const { accessToken: token } = await signIn()
    const all = await getPage(token, 'pageSize=50')
    const active = await getPage(token, 'status=active&pageSize=50')
    const completed = await getPage(token, 'status=completed&pageSize=50')
    expect(active.totalCount).toBeGreaterThan(0)
    expect(completed.totalCount).toBeGreaterThan(0)
    expect(active.totalCount + completed.totalCount).toBe(all.totalCount)
    expect(active.items.every((goal) => goal.status === 'active')).toBe(true)
    expect(completed.items.every((goal) => goal.status === 'completed')).toBe(true)

    const body = await expectProblem(await callJson('GET', '/api/goals?status=paused', undefined, { token }), 400)
    expect(body.errors).toHaveProperty('Status')
  })
})
