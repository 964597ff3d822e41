'use client'

import { useCallback, useEffect, useState } from 'react'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { TRACE_SESSION_ENDPOINT } from '@/site/lib/trace/trace-types'

export type TraceSessionState = { status: 'starting' | 'recording' | 'failed' } | { status: 'waiting'; retryAfter: number }

/**
 * Starts this visitor's trace once the panel renders on a page. The server
 * creates the session and its httpOnly cookie on this request only, never on a
 * read, and within a budget per address: over it, wait as told and ask again.
 * `restart` is for a poll that finds the server no longer has the session.
 */
export function useTraceSession() {
  const [state, setState] = useState<TraceSessionState>({ status: 'starting' })
  const [attempt, setAttempt] = useState(0)

  useEffect(
    function startTraceSession() {
      let cancelled = false
      let retry: ReturnType<typeof setTimeout> | undefined
      const again = (seconds: number) => (retry = setTimeout(() => setAttempt((n) => n + 1), seconds * 1000))
      fetch(TRACE_SESSION_ENDPOINT, { method: 'POST', headers: { [ANTI_FORGERY_HEADER]: '1' }, cache: 'no-store' }).then(
        (response) => {
          if (cancelled) return
          if (response.ok) return setState({ status: 'recording' })
          const wait = Number(response.headers.get('retry-after')) || 10
          setState(response.status === 429 ? { status: 'waiting', retryAfter: wait } : { status: 'failed' })
          again(wait)
        },
        () => {
          if (cancelled) return
          setState({ status: 'failed' })
          again(5)
        },
      )
      return () => {
        cancelled = true
        clearTimeout(retry)
      }
    },
    [attempt],
  )

  const restart = useCallback(() => {
    setState({ status: 'starting' })
    setAttempt((n) => n + 1)
  }, [])
  return { state, restart }
}
