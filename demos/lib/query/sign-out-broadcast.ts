import { SESSION_CHANNEL, type SessionMessage } from '@/demos/lib/api/session-refresher'

// One channel object per tab. A message posted on it reaches every other tab
// of the origin, but never this object's own listener, so the tab that signs
// out is not also told that it was signed out elsewhere.
let tabChannel: BroadcastChannel | undefined
const channel = () => (tabChannel ??= new BroadcastChannel(SESSION_CHANNEL))

/** Tells this browser's other tabs that the session is over. */
export function broadcastSignOut() {
  channel().postMessage('signed-out' satisfies SessionMessage)
}

/**
 * Calls `listener` when another tab says the session is over: a sign-out, or a
 * refresh the BFF refused (session-refresher.ts posts the same message on the
 * same channel). Returns the unsubscribe.
 */
export function onSignOutElsewhere(listener: () => void): () => void {
  const onMessage = ({ data }: MessageEvent<SessionMessage>) => {
    if (data === 'signed-out') listener()
  }
  channel().addEventListener('message', onMessage)
  return () => channel().removeEventListener('message', onMessage)
}
