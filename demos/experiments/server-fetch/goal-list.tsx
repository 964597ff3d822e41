import { useQuery } from '@tanstack/react-query'
import { goalsQuery } from './goals-query'

export function GoalList() {
  // Finds the hydrated data under the same key. Fresh data: no request.
  const { data, isPending, isFetching } = useQuery(goalsQuery)
  if (isPending) return <p role="status">Loading goals…</p>
  return (
    <section aria-labelledby="goal-list">
      <h2 id="goal-list">Goals</h2>
      <ul>{data?.goals.map((goal) => <li key={goal.id}>{goal.title}</li>)}</ul>
      <p>
        Fetched by the <strong>{data?.fetchedBy}</strong> at {data?.fetchedAt}. {isFetching && <span role="status">Refetching in the browser…</span>}
      </p>
    </section>
  )
}
