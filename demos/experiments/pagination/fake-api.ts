import { fakeRequest } from './fake-network'

export type GoalPage = { items: { id: number; title: string }[]; page: number; totalPages: number; hasMore: boolean }

const PAGE_SIZE = 5
const GOALS = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, title: `Goal ${i + 1}` }))

/** GET /api/goals?page=n, five goals a page. */
export function fetchGoalPage(page: number) {
  return fakeRequest(`GET /api/goals?page=${page}`, (): GoalPage => {
    const totalPages = Math.ceil(GOALS.length / PAGE_SIZE)
    return { items: GOALS.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), page, totalPages, hasMore: page < totalPages }
  })
}
