import { SESSION_CHANNEL, type SessionMessage } from '@/demos/lib/api/session-refresher'

// One channel object per tab. A message posted on it reaches every other tab
// of the origin, but never this object's own listener, so the tab that signs
// out is not also told that it was signed out elsewhere.
let tabChannel: BroadcastChannel | undefined
const channel = () => (tabChannel ??= new BroadcastChannel(SESSION_CHANNEL))

// A message reaches only the tabs listening when it is sent. A tab whose page
// was still loading has no listener yet, so the time of the sign-out is also
// kept, for that tab to read once it runs.
const ENDED_AT_KEY = 'bff-session-ended-at'
// This tab's own sign-out, which is not one from elsewhere.
let ownSignOutAt: string | undefined
// Heard on the channel. Read, with the kept time, through useSyncExternalStore
// (use-sign-out-elsewhere.ts).
let heardElsewhere = false

/** Tells this browser's other tabs that the session is over. */
export function broadcastSignOut() {
  ownSignOutAt = String(Date.now())
  try {
    localStorage.setItem(ENDED_AT_KEY, ownSignOutAt)
  } catch {
    // Storage refused (a privacy setting): the tabs already listening still hear the message below.
  }
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

/**
 * The store's value: true if another tab ended the session, either heard, or
 * kept from after the server rendered this page (`renderedAt`, the server's
 * clock): what it rendered then belongs to the ended session. A page rendered
 * after the sign-out, as a later sign-in's pages are, is not counted against.
 * Read again on every call: a message that arrives between React's first read
 * and its subscription is still seen. The two clocks may differ by a few
 * seconds: a page rendered that close before a sign-out may then stay, as it
 * would without this check, and one rendered that close after it, signed out
 * already, is sent to sign-in.
 */
export function signedOutElsewhere(renderedAt: number): boolean {
  if (heardElsewhere) return true
  const endedAt = keptSignOutTime()
  return endedAt !== null && endedAt !== ownSignOutAt && Number(endedAt) > renderedAt
}

/** The store's subscribe: a sign-out heard from another tab ends this document's session. */
export function subscribeToSignOutElsewhere(onChange: () => void): () => void {
  const stopHearing = onSignOutElsewhere(() => {
    heardElsewhere = true
    onChange()
  })
  // The message and the kept time reach this tab on separate paths, in either
  // order. A tab that began listening between the two heard no message, and
  // read no time yet: the time's arrival is then what changes the value.
  const onStorage = (event: StorageEvent) => {
    if (event.key === ENDED_AT_KEY) onChange()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    stopHearing()
    window.removeEventListener('storage', onStorage)
  }
}

function keptSignOutTime(): string | null {
  try {
    return localStorage.getItem(ENDED_AT_KEY)
  } catch {
    return null // Storage refused: nothing was kept to compare.
  }
}
