import type { Middleware } from 'openapi-fetch'
import type { SessionRefresher } from './session-refresher'

// #region refresh-middleware
/**
 * openapi-fetch middleware: a 401 from the proxy waits for the shared refresh
 * and is retried once. Every caller of the typed client gets it, TanStack
 * Query's fetchers included, so there is one mechanism: a query or mutation
 * sees a 401 only when the refresh itself failed.
 */
export function refreshOnUnauthorized(refresher: () => SessionRefresher): Middleware {
  // A request's body can be read once, and fetch reads it: keep an unsent copy
  // for the retry, with the refresh count the request left with.
  const pending = new Map<string, { copy: Request; sentWith: number }>()
  return {
    onRequest({ request, id }) {
      pending.set(id, { copy: request.clone(), sentWith: refresher().current() })
      return request
    },
    async onResponse({ response, id, options }) {
      const sent = pending.get(id)
      pending.delete(id)
      if (response.status !== 401 || !sent) return response
      // 1. Wait for the one refresh every request that failed meanwhile shares.
      if ((await refresher().afterUnauthorized(sent.sentWith)) !== 'refreshed') return response
      // 2. Retry once, with the new cookies. Whatever comes back is the answer.
      void response.body?.cancel()
      const { fetch } = options // called unbound: window.fetch refuses any other `this`
      return fetch(sent.copy)
    },
    onError({ id }) {
      pending.delete(id)
    },
  }
}
// #endregion refresh-middleware
