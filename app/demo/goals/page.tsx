import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { GoalsBoard } from '@/demos/components/goals/goals-board'
import { getServerApi } from '@/demos/lib/api/server-client'
import { verifySession } from '@/demos/lib/dal'
import { fetchGoalPage } from '@/demos/lib/goals/fetch-goal-page'
import { parseGoalListParams } from '@/demos/lib/goals/goal-schemas'
import { goalListQuery } from '@/demos/lib/goals/goals-query'
import { getQueryClient } from '@/demos/lib/query/get-query-client'

export const metadata: Metadata = { title: 'Demo: goals' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// #region page
export default async function GoalsPage({ searchParams }: Props) {
  const params = parseGoalListParams(await searchParams)
  // 1. The DAL: the API must accept the token, whatever proxy.ts saw.
  const { user } = await verifySession()

  // 2. Fetch this page and the next, server to server, into this request's own
  //    QueryClient, with the query options the Client Component uses: only
  //    the client differs, the server's instead of the browser's.
  const queryClient = getQueryClient()
  const api = getServerApi()
  const next = { ...params, page: params.page + 1 }
  await Promise.all([
    // fetchQuery throws, so an API failure reaches error.tsx instead of an empty list.
    queryClient.fetchQuery({ ...goalListQuery(params), queryFn: () => fetchGoalPage(api, params) }),
    queryClient.prefetchQuery({ ...goalListQuery(next), queryFn: () => fetchGoalPage(api, next) }),
  ])

  // 3. Send the cache along with the HTML: the client starts with the data.
  return (
    <main className="bff-demo-page">
      <h1>{user.name}&apos;s goals</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GoalsBoard />
      </HydrationBoundary>
    </main>
  )
}
// #endregion page
