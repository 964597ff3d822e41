import { fakeRequest } from './fake-network'

export type Goal = { id: number; title: string }
export type GoalsResponse = { goals: Goal[]; fetchedBy: 'server' | 'browser'; fetchedAt: string }

const GOALS: Goal[] = [
  { id: 1, title: 'Read the BFF guide' },
  { id: 2, title: 'Keep tokens out of JavaScript' },
  { id: 3, title: 'Prefetch on the server' },
]

/** GET /api/goals. Who asked is part of the answer, so the list can say where its data came from. */
export function fetchGoals(fetchedBy: GoalsResponse['fetchedBy']) {
  return fakeRequest(`GET /api/goals (from the ${fetchedBy})`, () => ({ goals: GOALS, fetchedBy, fetchedAt: new Date().toLocaleTimeString() }))
}
