import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'

export type RefreshOutcome = 'refreshed' | 'signed-out' | 'unavailable'
export type SessionMessage = 'refreshed' | 'signed-out'

/** Shared by every tab of the origin: the lock's name and the channel's. */
export const REFRESH_LOCK = 'bff-refresh'
export const SESSION_CHANNEL = 'bff-session'

export interface RefresherDeps {
  fetch: typeof fetch
  /** navigator.locks; without it (an insecure context) tabs do not coordinate and the API's overlap window covers them. */
  locks?: Pick<LockManager, 'request'>
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener'>
  onSignedOut: () => void
}

export type SessionRefresher = ReturnType<typeof createSessionRefresher>

/**
 * The browser's reactive refresh: after a 401 from the proxy, get new cookies
 * from the BFF's refresh route, once per tab and once across tabs.
 */
export function createSessionRefresher({ fetch, locks, channel, onSignedOut }: RefresherDeps) {
  // Counts the refreshes this tab knows of, its own and other tabs'. A request
  // remembers the count it left with: a 401 that lands after a refresh has
  // finished is simply retried, with the cookies that refresh already set.
  let generation = 0
  let inFlight: Promise<RefreshOutcome> | null = null
  channel?.addEventListener('message', (event) => {
    if ((event as MessageEvent<SessionMessage>).data === 'refreshed') generation += 1
  })

  // #region single-flight
  function afterUnauthorized(sentWith: number): Promise<RefreshOutcome> {
    // 1. A refresh finished after this request left: its cookies are new already.
    if (generation !== sentWith) return Promise.resolve('refreshed')
    // 2. One refresh per tab, shared by every request that failed meanwhile.
    inFlight ??= acrossTabs(sentWith).finally(() => {
      inFlight = null
    })
    return inFlight
  }
  // #endregion single-flight

  // #region across-tabs
  async function acrossTabs(sentWith: number): Promise<RefreshOutcome> {
    if (!locks) return refresh()
    // 3. One tab refreshes at a time. The lock is free: take it and refresh.
    const first = await locks.request(REFRESH_LOCK, { ifAvailable: true }, (lock) => (lock ? refresh() : null))
    if (first) return first
    // 4. Another tab holds it. Wait, then look before refreshing: its broadcast
    //    may have arrived; if not, cookies are shared, so ask whether they work.
    //    Refreshing anyway would rotate a token that was just rotated.
    return locks.request(REFRESH_LOCK, async () => {
      if (generation !== sentWith) return 'refreshed'
      if (await cookiesWork()) {
        generation += 1
        return 'refreshed'
      }
      return refresh()
    })
  }
  // #endregion across-tabs

  // #region refresh
  async function refresh(): Promise<RefreshOutcome> {
    // 5. The browser sends the refresh cookie; the BFF answers with new cookies, never a token.
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { [ANTI_FORGERY_HEADER]: '1' },
      credentials: 'same-origin',
    }).catch(() => null)
    if (response?.ok) {
      generation += 1
      channel?.postMessage('refreshed' satisfies SessionMessage)
      return 'refreshed'
    }
    // 6. Refused: the BFF has deleted the cookies. Tell the other tabs, then sign in.
    if (response?.status === 401) {
      channel?.postMessage('signed-out' satisfies SessionMessage)
      onSignedOut()
      return 'signed-out'
    }
    // 7. Outage: keep the session; the caller gets its 401 and may try again later.
    return 'unavailable'
  }
  // #endregion refresh

  async function cookiesWork(): Promise<boolean> {
    const probe = await fetch('/api/proxy/users/me', { credentials: 'same-origin' }).catch(() => null)
    return probe !== null && probe.status !== 401
  }

  return { afterUnauthorized, current: () => generation }
}
