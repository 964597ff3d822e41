'use client'

import { type ComponentType, startTransition, useEffect, useState } from 'react'
import { WirePanelFrame } from './wire-panel-frame'

// Its stylesheet, wire-inspector.css, comes with the theme's, from app/layout.tsx.

// Not in the page's first-load JavaScript: the panel (and TanStack Query, on
// docs pages) is fetched once the page is idle.
const loadPanel = () => import('./wire-inspector-panel')

/**
 * The wire inspector: every hop of this visitor's requests, browser to BFF to
 * API, with tokens redacted. Recording starts when the panel has loaded and
 * asks the server to start a session, so a visitor who never sees it is never traced.
 */
export function WireInspector() {
  const [Panel, setPanel] = useState<ComponentType | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(function loadPanelWhenIdle() {
    let cancelled = false
    const load = () =>
      loadPanel().then(
        // A transition: React may render the panel in slices and let the page respond in between.
        (module) => !cancelled && startTransition(() => setPanel(() => module.default)),
        () => !cancelled && setFailed(true),
      )
    // Safari has no requestIdleCallback.
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(load, { timeout: 1500 }) : setTimeout(load, 200)
    return () => {
      cancelled = true
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle as number)
      else clearTimeout(idle as ReturnType<typeof setTimeout>)
    }
  }, [])

  return (
    <section className="bff-wire" aria-labelledby="bff-wire-title" data-testid="wire-inspector">
      <h2 id="bff-wire-title" className="bff-wire-title">Wire inspector</h2>
      {Panel ? <Panel /> : <WirePanelFrame state="loading" status={failed ? 'The inspector could not load; reload the page to try again.' : 'Loading the inspector…'} />}
    </section>
  )
}
