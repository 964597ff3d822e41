import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { NetworkSwitches, RequestLog } from './fake-network'
import { GoalPages } from './goal-pages'

// Try it: click Next. Then, in goal-pages.tsx, delete the two lines marked
// "delete" and click Next again: the list flashes "Loading…" on every page.
export default function App() {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <h1>Pages without a flash</h1>
      <NetworkSwitches />
      <GoalPages />
      <RequestLog />
    </QueryClientProvider>
  )
}
