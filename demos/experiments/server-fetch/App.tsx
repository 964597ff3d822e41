import { type DehydratedState, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { NetworkSwitches, RequestLog } from './fake-network'
import { GoalList } from './goal-list'
import { renderOnServer } from './server-render'

// Try it: set staleTime to 0, then open the page. The hydrated goals are then
// stale on arrival, and the list fetches them again from the browser.
function makeBrowserQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } })
}

type Page = { html: DehydratedState; loadedAt: number }

export default function App() {
  const [page, setPage] = useState<Page | null>(null)
  const [rendering, setRendering] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  async function openPage() {
    setRendering(true)
    setFailure(null)
    setPage(null)
    try {
      setPage({ html: await renderOnServer(), loadedAt: Date.now() })
    } catch (error) {
      setFailure((error as Error).message)
    } finally {
      setRendering(false)
    }
  }

  return (
    <>
      <h1>Server fetch, then hydrate</h1>
      <NetworkSwitches />
      <button type="button" onClick={openPage} disabled={rendering}>{page ? 'Reload the page' : 'Open the page'}</button>
      {rendering && <p role="status">The server is rendering…</p>}
      {failure && <p role="alert">{failure} The route&apos;s error.tsx would show here.</p>}
      {page && <BrowserTab key={page.loadedAt} html={page.html} />}
      <RequestLog />
    </>
  )
}

/** The browser's side of one page load: a new client, filled from the HTML. */
function BrowserTab({ html }: { html: DehydratedState }) {
  const [queryClient] = useState(makeBrowserQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={html}>
        <GoalList />
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
