import { usePathname, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'
import { type GoalListParams, goalListSearch, parseGoalListParams } from './goal-schemas'

/**
 * The list's page and filter live in the URL, so a reload, back/forward and a
 * shared link all keep the view. `history.pushState` updates the URL without a
 * server round trip: Next.js keeps `useSearchParams` in sync with it, and the
 * data comes from TanStack Query through the proxy instead.
 */
export function useGoalListParams() {
  const search = useSearchParams()
  const pathname = usePathname()
  const params = useMemo(() => parseGoalListParams(new URLSearchParams(search)), [search])
  const setParams = useCallback(
    (next: GoalListParams) => window.history.pushState(null, '', `${pathname}${goalListSearch(next)}`),
    [pathname],
  )
  return [params, setParams] as const
}
