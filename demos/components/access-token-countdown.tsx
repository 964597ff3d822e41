'use client'

import { useEffect, useState } from 'react'
import { useHydrated } from '@/demos/lib/use-hydrated'

type Props = {
  /** The access token's `exp`, in seconds, which the server read from the token; the token stays there. */
  expiresAt: number
  /** When the server rendered the page, in milliseconds. */
  renderedAt: number
}

/** Ticks down to the access token's expiry. */
export function AccessTokenCountdown({ expiresAt, renderedAt }: Props) {
  const hydrated = useHydrated()
  const [now, setNow] = useState(() => Date.now())

  useEffect(
    function tickEverySecond() {
      const timer = setInterval(() => setNow(Date.now()), 1000)
      return () => clearInterval(timer)
    },
    [expiresAt],
  )

  // The server's clock and the reader's differ by the time the page took to
  // arrive, so only the browser counts. Until it does, the line shows the count
  // as of the server render, in the same words: the text keeps its length when
  // the browser's count takes over, and nothing below it moves (layout shift).
  const left = Math.round(expiresAt - (hydrated ? now : renderedAt) / 1000)
  return (
    <span data-testid="access-countdown" data-seconds-left={hydrated ? left : undefined}>
      {left > 0 ? `expires in ${Math.floor(left / 60)} min ${String(left % 60).padStart(2, '0')} s` : 'expired: the next request refreshes it'}
    </span>
  )
}
