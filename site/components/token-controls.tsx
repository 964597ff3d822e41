'use client'

import { useQueryClient } from '@tanstack/react-query'
import { unstable_rethrow, useRouter } from 'next/navigation'
import { useEffect, useState, useTransition } from 'react'
import { SESSION_CHANNEL, type SessionMessage } from '@/demos/lib/api/session-refresher'
import { expireAccessToken, replayRefreshToken, type TokenControlResult } from '@/site/lib/token-controls/token-controls-actions'
import { goalListQuery } from '@/demos/lib/goals/goals-query'
import { REFRESH_BURST } from '@/site/lib/token-controls/refresh-burst'

/**
 * The session demo's controls. The two Server Actions change the session at
 * the API; what happens next is the browser's ordinary machinery, watched
 * through the session view the server renders again after each refresh.
 */
export function TokenControls({ canReplay }: { canReplay: boolean }) {
  const router = useRouter()
  const queryClient = useQueryClient()
  const [isPending, startTransition] = useTransition()
  const [result, setResult] = useState<TokenControlResult | null>(null)
  const [heard, setHeard] = useState<string | null>(null)

  useEffect(
    function renderAgainOnSessionEvents() {
      // This tab's refresher and every other tab's post here. The server view
      // shows the new token after a refresh; after a sign-out, proxy.ts sends
      // this tab to sign in too.
      const channel = new BroadcastChannel(SESSION_CHANNEL)
      channel.onmessage = ({ data }: MessageEvent<SessionMessage>) => {
        setHeard(`${data === 'refreshed' ? 'Session refreshed' : 'Signed out'} at ${new Date().toLocaleTimeString()}`)
        router.refresh()
      }
      return () => channel.close()
    },
    [router],
  )

  /** Every request goes through TanStack Query and the typed client, like the goals list's own. */
  async function sendBurst(): Promise<string> {
    const pages = Array.from({ length: REFRESH_BURST }, (_, i) => i + 1)
    const settled = await Promise.allSettled(pages.map((page) => queryClient.fetchQuery({ ...goalListQuery({ page }), staleTime: 0 })))
    const succeeded = settled.filter((outcome) => outcome.status === 'fulfilled').length
    return `${succeeded} of ${REFRESH_BURST} requests succeeded.`
  }

  function run(work: () => Promise<TokenControlResult>) {
    startTransition(async () => {
      try {
        setResult(await work())
      } catch (error) {
        unstable_rethrow(error) // the redirect to sign in belongs to Next
        setResult({ ok: false, message: 'The site could not be reached. Try again.' })
      }
    })
  }

  const expireThenBurst = async (): Promise<TokenControlResult> => {
    const expired = await expireAccessToken()
    if (!expired.ok) return expired
    return { ok: true, message: `${expired.message} This page then sent ${REFRESH_BURST} requests at once: ${await sendBurst()}` }
  }

  return (
    <section className="bff-card" aria-labelledby="token-controls-heading" data-testid="token-controls" aria-busy={isPending}>
      <h2 id="token-controls-heading">Try it</h2>
      <div className="bff-actions">
        <button type="button" disabled={isPending} onClick={() => run(expireThenBurst)}>
          Expire my access token now
        </button>
        <button type="button" disabled={isPending} onClick={() => run(async () => ({ ok: true, message: await sendBurst() }))}>
          Send {REFRESH_BURST} requests at once
        </button>
        <button type="button" disabled={isPending || !canReplay} onClick={() => run(replayRefreshToken)}>
          Replay an old refresh token
        </button>
      </div>
      {!canReplay && <p>Replaying needs an old refresh token: expire your access token first, so the session rotates once.</p>}
      <p role="status" data-testid="token-controls-result" className={result?.ok ? 'bff-success' : 'bff-error'}>
        {result?.message}
      </p>
      <p data-testid="session-event">{heard}</p>
    </section>
  )
}
