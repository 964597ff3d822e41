'use client'

import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'
import { signedOutElsewhere, subscribeToSignOutElsewhere } from './sign-out-broadcast'

/**
 * Ends this tab's view of the session when another tab ends the session. The
 * cookies are shared, so the session is gone here too, but this tab's memory
 * still holds the previous reader's data, and its page still shows it.
 *
 * `renderedAt` is when the server rendered the page (Date.now() there).
 * Returns true once the session ended elsewhere: the caller then stops
 * rendering the page, so no query is left mounted when the cache is cleared.
 */
export function useSignOutElsewhere(queryClient: QueryClient, renderedAt: number): boolean {
  // 1. Heard from another tab, or, for a page that was still loading when the
  //    other tab signed out, read from the time that tab kept. The server
  //    rendered with the session, so the first render says false.
  const endedElsewhere = useSyncExternalStore(subscribeToSignOutElsewhere, () => signedOutElsewhere(renderedAt), () => false)

  useEffect(
    function leaveTheEndedSession() {
      if (!endedElsewhere) return
      // 2. Forget the cached data. This runs after the commit that unmounted
      //    the page, so no query observer is left: clearing with one still
      //    mounted made its next render build the query anew and fetch it with
      //    the old session's page still on screen.
      queryClient.clear()
      // 3. A full load of the sign-in page, as the refresher does when its
      //    refresh is refused: no rendered page, router cache or memory of
      //    the old session survives it. Signing in again comes back here;
      //    a tab already at sign-in only loads again, to drop the old name.
      const here = window.location.pathname + window.location.search
      const signIn = loginUrl(here)
      if (new URL(signIn, window.location.href).pathname === window.location.pathname) window.location.reload()
      else window.location.replace(signIn)
    },
    [endedElsewhere, queryClient],
  )

  return endedElsewhere
}
