import type { ReactNode } from 'react'

export const LANES = [
  ['browser', 'Browser'],
  ['bff', 'Next.js BFF'],
  ['api', '.NET API'],
] as const

type WirePanelFrameProps = {
  state: string
  status: string
  paused?: boolean
  onPause?: () => void
  onClear?: () => void
  clearDisabled?: boolean
  apiExternal?: boolean
  /** The flows; without them, the panel says how to make some. */
  children?: ReactNode
}

/**
 * The inspector's toolbar, lanes and flows. The shell draws the same frame,
 * with its buttons disabled, while the panel's code loads: the panel then takes
 * the frame's place at its height, and the page below it does not move.
 */
export function WirePanelFrame({ state, status, paused = false, onPause, onClear, clearDisabled = true, apiExternal = false, children }: WirePanelFrameProps) {
  return (
    <div className="bff-wire-panel" data-state={state}>
      <div className="bff-wire-toolbar">
        <p className="bff-wire-status" role="status">
          {status}
        </p>
        <button type="button" aria-pressed={paused} onClick={onPause} disabled={!onPause}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={onClear} disabled={!onClear || clearDisabled}>
          Clear
        </button>
        <a href="/wire-inspector">How this works</a>
      </div>
      <div className="bff-wire-lanes" aria-hidden="true">
        {LANES.map(([lane, name]) => (
          <span key={lane}>{lane === 'api' && apiExternal ? `${name} (external: its own view is not recorded)` : name}</span>
        ))}
      </div>
      {children ?? <p className="bff-wire-empty">Nothing yet. Sign in, load a demo or change a goal, and each hop appears here with its headers, tokens redacted.</p>}
    </div>
  )
}
