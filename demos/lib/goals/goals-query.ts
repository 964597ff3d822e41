import { queryOptions } from '@tanstack/react-query'
import { browserApi } from '@/demos/lib/api/browser-client'
import { fetchGoalPage } from './fetch-goal-page'
import type { GoalListParams } from './goal-schemas'

// #region query-options
/** Every goals cache key starts here, so one invalidation reaches them all. */
export const goalKeys = {
  all: ['goals'] as const,
  lists: () => [...goalKeys.all, 'list'] as const,
  list: (params: GoalListParams) => [...goalKeys.lists(), params] as const,
}

/**
 * The one definition of the goals list query. The Client Component uses it as
 * is; the server prefetch spreads it and swaps only `queryFn` for a direct,
 * server-to-server call, so the cache key and freshness cannot drift apart.
 */
export function goalListQuery(params: GoalListParams) {
  return queryOptions({
    queryKey: goalKeys.list(params),
    queryFn: ({ signal }) => fetchGoalPage(browserApi, params, signal),
  })
}
// #endregion query-options
