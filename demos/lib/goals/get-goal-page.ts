import 'server-only'
import { ApiError } from '@/demos/lib/api/api-error'
import { getServerApi } from '@/demos/lib/api/server-client'
import { type GoalListParams, goalPageSchema, PAGE_SIZE } from './goal-schemas'

/**
 * The server's goals call: straight to the API with the bearer token from the
 * httpOnly cookie (the server client's middleware adds it, and sends the
 * reader to sign in on a 401). No proxy hop, no browser request.
 */
export async function getGoalPage({ page, status }: GoalListParams) {
  const { data, error, response } = await getServerApi().GET('/api/goals', {
    params: { query: { page, pageSize: PAGE_SIZE, status } },
  })
  if (!response.ok) throw new ApiError(response.status, error)
  return goalPageSchema.parse(data)
}
