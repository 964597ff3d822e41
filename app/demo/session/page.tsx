import type { Metadata } from 'next'
import { SessionView } from '@/demos/components/session-view'
import { TokenControls } from '@/site/components/token-controls'
import { getSessionDetails } from '@/demos/lib/session/get-session-details'
import { verifySession } from '@/demos/lib/dal'

export const metadata: Metadata = { title: 'Demo: your session' }

// #region page
export default async function SessionPage() {
  // 1. The DAL: the API must accept the token proxy.ts let through (or just refreshed).
  await verifySession()
  // 2. Claims, fingerprints and the token family, read on the server. No token leaves it.
  const details = await getSessionDetails()
  return (
    <main className="bff-demo-page">
      <h1>Your session</h1>
      {details && <SessionView {...details} />}
      <TokenControls canReplay={(details?.family?.rotations ?? 0) > 0} />
    </main>
  )
}
// #endregion page
