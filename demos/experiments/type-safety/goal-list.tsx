import { $browser, firstPage } from './goals-api'

export function GoalList() {
  // A different client, the same key: the hydrated page is found, and no request goes out.
  const { data, isPending } = $browser.useQuery('get', '/api/goals', firstPage, { staleTime: 60_000 })
  if (isPending) return <p role="status">Loading goals…</p>
  return (
    <section aria-labelledby="goal-list">
      <h2 id="goal-list">Goals</h2>
      <ul>{data?.items.map((goal) => <li key={goal.id}>{goal.title}</li>)}</ul>
    </section>
  )
}
