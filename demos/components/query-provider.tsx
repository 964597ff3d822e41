'use client'

import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { getQueryClient } from '@/demos/lib/query/get-query-client'
import { useSignOutElsewhere } from '@/demos/lib/query/use-sign-out-elsewhere'

type Props = { children: ReactNode; renderedAt: number }

export function QueryProvider({ children, renderedAt }: Props) {
  // Not useState: if React suspends on the first render it throws state away,
  // and the browser singleton already survives that.
  const queryClient = getQueryClient()
  // The cache outlives navigations, so it must not outlive the session.
  const endedElsewhere = useSignOutElsewhere(queryClient, renderedAt)
  return (
    <QueryClientProvider client={queryClient}>
      {endedElsewhere ? (
        <p role="status" className="bff-demo-page">Signed out in another tab. Opening the sign-in page…</p>
      ) : (
        children
      )}
    </QueryClientProvider>
  )
}
