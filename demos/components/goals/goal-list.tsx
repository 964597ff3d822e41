'use client'

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { GOAL_STATUSES, type GoalListParams } from '@/demos/lib/goals/goal-schemas'
import { goalListQuery } from '@/demos/lib/goals/goals-query'
import { GoalItem } from './goal-item'
import { LoadError } from '@/demos/components/load-error'

type Props = { params: GoalListParams; onParamsChange: (next: GoalListParams) => void; report: (message: string) => void }

export function GoalList({ params, onParamsChange, report }: Props) {
  const queryClient = useQueryClient()
  // #region list-query
  const { data, error, isFetching, isPlaceholderData, refetch } = useQuery({
    ...goalListQuery(params),
    // While the next page loads, keep showing this one instead of a spinner.
    placeholderData: keepPreviousData,
  })

  useEffect(
    function prefetchNextPage() {
      // A no-op while the next page is still fresh, as it is right after the
      // server prefetched it: the first load makes no browser request.
      if (data?.hasMore && !isPlaceholderData) {
        void queryClient.prefetchQuery(goalListQuery({ ...params, page: params.page + 1 }))
      }
    },
    [data, isPlaceholderData, params, queryClient],
  )
  // #endregion list-query

  return (
    <section aria-labelledby="goal-list-heading" aria-busy={isFetching}>
      <div className="bff-toolbar">
        <h2 id="goal-list-heading">Goals</h2>
        <label>
          Show{' '}
          <select value={params.status ?? 'all'} onChange={(e) => onParamsChange({ page: 1, status: e.target.value === 'all' ? undefined : (e.target.value as GoalListParams['status']) })}>
            <option value="all">All</option>
            {GOAL_STATUSES.map((status) => <option key={status} value={status}>{status === 'active' ? 'Active' : 'Completed'}</option>)}
          </select>
        </label>
        <span className="bff-fetching" role="status" data-testid="fetching-indicator">{isFetching ? 'Updating…' : ''}</span>
      </div>
      {error && <LoadError what="The goals" error={error} onRetry={() => refetch()} />}
      {data && (
        <>
          <ul className="bff-goal-list" data-testid="goal-list" style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
            {data.items.map((goal) => <GoalItem key={goal.id} goal={goal} report={report} />)}
            {data.items.length === 0 && <li className="bff-empty">No goals here.</li>}
          </ul>
          <nav className="bff-pager" aria-label="Pages">
            <button type="button" onClick={() => onParamsChange({ ...params, page: params.page - 1 })} disabled={params.page <= 1}>Previous</button>
            <span data-testid="page-indicator">Page {data.page} of {Math.max(data.totalPages, 1)} · {data.totalCount} goals</span>
            <button type="button" onClick={() => onParamsChange({ ...params, page: params.page + 1 })} disabled={isPlaceholderData || !data.hasMore}>Next</button>
          </nav>
        </>
      )}
    </section>
  )
}
