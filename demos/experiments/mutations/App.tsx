import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { NetworkSwitches, RequestLog } from './fake-network'
import { GoalBoard } from './goal-board'

// Try it: add a goal, then switch "Fail requests" on and add another, or tick
// one. The change shows at once and is rolled back when the API refuses.
export default function App() {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <h1>Optimistic updates, rolled back</h1>
      <NetworkSwitches />
      <GoalBoard />
      <RequestLog />
    </QueryClientProvider>
  )
}
