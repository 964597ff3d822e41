import { queryOptions } from '@tanstack/react-query'
import { fetchGoalPage } from './fake-api'

/** One page of goals. Each page has its own cache key, so pages already seen show at once. */
export function goalPageQuery(page: number) {
  return queryOptions({
    queryKey: ['goals', { page }],
    queryFn: () => fetchGoalPage(page),
  })
}
