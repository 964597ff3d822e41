import { type DehydratedState, dehydrate, QueryClient } from '@tanstack/react-query'
import { $server, firstPage } from './goals-api'

/** What the goals page's Server Component would do with $api, in miniature. */
export async function renderOnServer(): Promise<DehydratedState> {
  // 1. A new QueryClient per request, and no retry on the server.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  // 2. $api builds the whole options object: key and queryFn come from the method and path.
  await queryClient.fetchQuery($server.queryOptions('get', '/api/goals', firstPage))
  // 3. The cache travels to the browser inside the HTML, as JSON.
  return JSON.parse(JSON.stringify(dehydrate(queryClient))) as DehydratedState
}
