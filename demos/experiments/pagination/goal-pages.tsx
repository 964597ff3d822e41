import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { goalPageQuery } from './goals-query'

export function GoalPages() {
  const [page, setPage] = useState(1)
  const queryClient = useQueryClient()
  const { data, isPending, isPlaceholderData, isFetching } = useQuery({
    ...goalPageQuery(page),
    placeholderData: keepPreviousData, // delete: the list drops to "Loading…" while a page loads
  })

  useEffect(
    function prefetchNextPage() {
      if (data?.hasMore && !isPlaceholderData) void queryClient.prefetchQuery(goalPageQuery(page + 1)) // delete: Next always waits
    },
    [data, isPlaceholderData, page, queryClient],
  )

  if (isPending) return <p role="status">Loading…</p>
  return (
    <section aria-labelledby="goal-pages" aria-busy={isFetching}>
      <h2 id="goal-pages">Goals {isPlaceholderData && <small role="status">Updating…</small>}</h2>
      <ul className={isPlaceholderData ? 'pending' : undefined}>
        {data?.items.map((goal) => <li key={goal.id}>{goal.title}</li>)}
      </ul>
      <nav aria-label="Pages">
        <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1}>Previous</button>{' '}
        Page {page} of {data?.totalPages}{' '}
        <button type="button" onClick={() => setPage(page + 1)} disabled={isPlaceholderData || !data?.hasMore}>Next</button>
      </nav>
    </section>
  )
}
