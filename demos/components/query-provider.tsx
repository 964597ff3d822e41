'use client'

import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { getQueryClient } from '@/demos/lib/query/get-query-client'

export function QueryProvider({ children }: { children: ReactNode }) {
  // Not useState: if React suspends on the first render it throws state away,
  // and the browser singleton already survives that.
  const queryClient = getQueryClient()
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
