import { fakeRequest, HttpError } from './fake-network'

export type Goal = { id: string; title: string; done: boolean; saving?: boolean }

// The fake server's data. Only a request that succeeds changes it.
let goals: Goal[] = [
  { id: '1', title: 'Read the BFF guide', done: true },
  { id: '2', title: 'Keep tokens out of JavaScript', done: false },
]

// Reads never fail on purpose, as in the site's mock: the list keeps loading
// while you watch writes roll back.
export function fetchGoals() {
  return fakeRequest('GET /api/goals', () => goals, { canFail: false })
}

export function createGoal(title: string) {
  return fakeRequest('POST /api/goals', () => {
    const goal = { id: String(goals.length + 1), title, done: false }
    goals = [...goals, goal]
    return goal
  })
}

export function updateGoal(id: string, changes: Pick<Goal, 'done'>) {
  return fakeRequest(`PATCH /api/goals/${id}`, () => {
    const goal = goals.find((item) => item.id === id)
    if (!goal) throw new HttpError(404, 'No such goal.')
    goals = goals.map((item) => (item.id === id ? { ...item, ...changes } : item))
    return { ...goal, ...changes }
  })
}
