import type { Client } from 'openapi-fetch'
import { ApiError } from '@/demos/lib/api/api-error'
import type { paths } from '@/demos/lib/api/dotnet-api'
import { type GoalListParams, goalPageSchema, PAGE_SIZE } from './goal-schemas'

// #region fetch-goal-page
/**
 * One page of goals, from the typed client it is given: the browser's, through
 * the proxy, or the server's, straight to the API with the bearer token from
 * the httpOnly cookie. One function, so both ask and check the same way.
 */
export async function fetchGoalPage(api: Client<paths>, { page, status }: GoalListParams, signal?: AbortSignal) {
  const { data, error, response } = await api.GET('/api/goals', {
    params: { query: { page, pageSize: PAGE_SIZE, status } },
    signal,
  })
  if (!response.ok) throw new ApiError(response.status, error)
  return goalPageSchema.parse(data)
}
// #endregion fetch-goal-page
