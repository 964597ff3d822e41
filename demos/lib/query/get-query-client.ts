import { defaultShouldDehydrateQuery, isServer, QueryClient } from '@tanstack/react-query'
import { cache } from 'react'
import { shouldRetry } from './should-retry'

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Longer than the trip from server render to hydration: data the server
        // prefetched is fresh on arrival, so the client does not fetch it again.
        staleTime: 60_000,
        // In the browser a failed read is tried again, decided by its status
        // (should-retry.ts; a 401 comes here only once the typed client's
        // refresh has failed, demos/lib/api/refresh-middleware.ts). On the
        // server never: the reader is waiting for the page, and two more tries
        // with backoff hold the error page back by seconds, or by two more API
        // timeouts. The error page's "Try again" is the server's retry.
        retry: isServer ? false : shouldRetry,
      },
      dehydrate: {
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  })
}

let browserQueryClient: QueryClient | undefined

// #region get-query-client
/**
 * On the server, a new client per request (React's `cache()` scopes it to one
 * render), so one reader's data can never land in another's page. In the
 * browser, one client for the tab's lifetime, so the cache survives
 * navigations and React suspending during the first render.
 */
export const getQueryClient = isServer ? cache(makeQueryClient) : () => (browserQueryClient ??= makeQueryClient())
// #endregion get-query-client
