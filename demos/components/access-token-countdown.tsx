'use client'

import { useEffect, useState } from 'react'
import { useHydrated } from '@/demos/lib/use-hydrated'

/** Ticks down to the access token's `exp`, a number the server read from the token; the token stays there. */
export function AccessTokenCountdown({ expiresAt }: { expiresAt: number }) {
  const hydrated = useHydrated()
  const [now, setNow] = useState(() => Date.now())

  useEffect(
    function tickEverySecond() {
      const timer = setInterval(() => setNow(Date.now()), 1000)
      return () => clearInterval(timer)
    },
    [expiresAt],
  )

  // The server's clock and the reader's differ by the time the page took to arrive: count only in the browser.
  if (!hydrated) return <span data-testid="access-countdown">expires at {new Date(expiresAt * 1000).toISOString()}</span>
  const left = Math.round(expiresAt - now / 1000)
  return (
    <span data-testid="access-countdown" data-seconds-left={left}>
      {left > 0 ? `expires in ${Math.floor(left / 60)} min ${String(left % 60).padStart(2, '0')} s` : 'expired: the next request refreshes it'}
    </span>
  )
}
