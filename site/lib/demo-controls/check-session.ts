import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import { getSession } from '@/demos/lib/dal'
import type { DemoControlsResult } from './demo-controls-schema'

export const sessionEnded: DemoControlsResult = {
  ok: false,
  message: 'Your session has ended. Sign in again to change the demo controls.',
}

/**
 * getSession() with its failures told apart. It asks GET /api/users/me, which
 * answers 503 while the reader has taken the API "down" (and waits out any
 * latency they added), and then it throws instead of returning null. The
 * controls endpoint is exempt from both and checks the bearer token itself, so
 * callers stop only on a definite "signed-out" and let the API decide on
 * "unknown": otherwise "down" could never be switched off from the panel.
 */
export async function checkSession(): Promise<'signed-in' | 'signed-out' | 'unknown'> {
  try {
    return (await getSession()) ? 'signed-in' : 'signed-out'
  } catch (error) {
    unstable_rethrow(error)
    return 'unknown'
  }
}
