import { type DehydratedState, dehydrate, QueryClient } from '@tanstack/react-query'
import { fetchGoals } from './fake-api'
import { goalsQuery } from './goals-query'

/** What the goals page's Server Component does for one request, in miniature. */
export async function renderOnServer(): Promise<DehydratedState> {
  // 1. A new QueryClient per request: one reader's data never lands in another's page.
  const queryClient = new QueryClient()
  // 2. The shared key with a server-to-server fetcher. fetchQuery throws, so a
  //    failing API becomes the error page instead of an empty list.
  await queryClient.fetchQuery({ ...goalsQuery, queryFn: () => fetchGoals('server') })
  // 3. The cache travels to the browser inside the HTML, as JSON.
  return JSON.parse(JSON.stringify(dehydrate(queryClient))) as DehydratedState
}
