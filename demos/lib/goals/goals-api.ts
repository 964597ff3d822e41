import { ApiError } from '@/demos/lib/api/api-error'
import { browserApi } from '@/demos/lib/api/browser-client'
import { type GoalEdit, goalSchema, type NewGoal } from './goal-schemas'

// The browser's goal changes. They go to this site's proxy route, which adds
// the bearer token on the server; the browser sends only its cookies.

export async function createGoal(input: NewGoal) {
  const { data, error, response } = await browserApi.POST('/api/goals', { body: input })
  if (!response.ok) throw new ApiError(response.status, error)
  return goalSchema.parse(data)
}

export async function updateGoal(id: string, changes: Partial<GoalEdit>) {
  const { data, error, response } = await browserApi.PATCH('/api/goals/{id}', { params: { path: { id } }, body: changes })
  if (!response.ok) throw new ApiError(response.status, error)
  return goalSchema.parse(data)
}

export async function deleteGoal(id: string) {
  const { error, response } = await browserApi.DELETE('/api/goals/{id}', { params: { path: { id } } })
  if (!response.ok) throw new ApiError(response.status, error)
}
