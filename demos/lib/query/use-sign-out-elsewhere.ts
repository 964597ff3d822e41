'use client'

import type { QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'
import { onSignOutElsewhere } from './sign-out-broadcast'

/**
 * Ends this tab's view of the session when another tab ends the session. The
 * cookies are shared, so the session is gone here too, but this tab's memory
 * still holds the previous reader's data, and its page still shows it.
 */
export function useSignOutElsewhere(queryClient: QueryClient) {
  useEffect(
    function followSignOutInOtherTabs() {
      return onSignOutElsewhere(() => {
        // 1. Forget the cached data at once, whatever happens to the page.
        queryClient.clear()
        // 2. A full load of the sign-in page, as the refresher does when its
        //    refresh is refused: no rendered page, router cache or memory of
        //    the old session survives it. Signing in again comes back here;
        //    a tab already at sign-in only loads again, to drop the old name.
        const here = window.location.pathname + window.location.search
        const signIn = loginUrl(here)
        if (new URL(signIn, window.location.href).pathname === window.location.pathname) window.location.reload()
        else window.location.replace(signIn)
      })
    },
    [queryClient],
  )
}
