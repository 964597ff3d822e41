import { type DehydratedState, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { NetworkSwitches, RequestLog } from './fake-network'
import { GoalList } from './goal-list'
import { $browser, $server, firstPage } from './goals-api'
import { renderOnServer } from './server-render'

// Try it: in goal-list.tsx, pass { params: { query: { page: 1 } } } instead of
// firstPage. The parameters are part of the key, so the browser no longer finds
// the server's page and fetches its own. Which client asks never is.
const serverKey = JSON.stringify($server.queryOptions('get', '/api/goals', firstPage).queryKey)
const browserKey = JSON.stringify($browser.queryOptions('get', '/api/goals', firstPage).queryKey)

type Page = { html: DehydratedState; loadedAt: number }

export default function App() {
  const [page, setPage] = useState<Page | null>(null)
  const [thrown, setThrown] = useState<unknown>(null)

  async function openPage() {
    setPage(null)
    setThrown(null)
    try {
      setPage({ html: await renderOnServer(), loadedAt: Date.now() })
    } catch (error) {
      setThrown(error)
    }
  }

  return (
    <>
      <h1>One query, two $api clients</h1>
      <dl>
        <dt>Server key</dt>
        <dd><code>{serverKey}</code></dd>
        <dt>Browser key</dt>
        <dd><code>{browserKey}</code></dd>
      </dl>
      <p>{serverKey === browserKey ? 'The same key.' : 'Different keys.'}</p>
      <NetworkSwitches />
      <button type="button" onClick={openPage}>{page ? 'Reload the page' : 'Open the page'}</button>
      {thrown !== null && <ThrownValue value={thrown} />}
      {page && <BrowserTab key={page.loadedAt} html={page.html} />}
      <RequestLog />
    </>
  )
}

/** What $api's queryFn throws: the error body itself, as openapi-fetch parsed it. */
function ThrownValue({ value }: { value: unknown }) {
  return (
    <p role="alert">
      The server&apos;s fetch threw {value instanceof Error ? 'an Error' : 'a plain object, not an Error'}: <code>{JSON.stringify(value)}</code>
    </p>
  )
}

function BrowserTab({ html }: { html: DehydratedState }) {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={html}>
        <GoalList />
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
