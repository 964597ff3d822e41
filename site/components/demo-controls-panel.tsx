'use client'

import { unstable_rethrow, useRouter } from 'next/navigation'
import { type FormEvent, useState, useTransition } from 'react'
import { resetDemoControls, setDemoControls } from '@/site/lib/demo-controls/demo-controls-actions'
import type { DemoControls, DemoControlsInput, DemoControlsResult } from '@/site/lib/demo-controls/demo-controls-schema'
import { describeDemoControls } from '@/site/lib/demo-controls/describe-demo-controls'

const delays = [
  { value: 0, label: 'No delay' },
  { value: 300, label: '0.3 seconds' },
  { value: 1500, label: '1.5 seconds' },
  { value: 3000, label: '3 seconds' },
]
const shares = [
  { value: 0, label: 'None' },
  { value: 0.3, label: 'About one in three (30%)' },
  { value: 1, label: 'All of them (100%)' },
]

export interface DemoControlsPanelProps {
  /** The controls in force when the page rendered: `getDemoControls()` on the server. */
  initialControls: DemoControls
  /** Called with the controls the API confirmed, after every successful change. */
  onChange?: (controls: DemoControls) => void
}

/** Lets the reader make the API slow or failing for their own session, to watch the page cope. */
export function DemoControlsPanel({ initialControls, onChange }: DemoControlsPanelProps) {
  const router = useRouter()
  const [isPending, startTransition] = useTransition()
  const [controls, setControls] = useState(initialControls)
  const [draft, setDraft] = useState(() => settingsOf(initialControls))
  const [failure, setFailure] = useState<string | null>(null)

  // After router.refresh() the server sends the API's current controls, which
  // may differ from ours (a failed change used one up, or they expired).
  const [rendered, setRendered] = useState(initialControls)
  if (initialControls !== rendered) {
    setRendered(initialControls)
    setControls(initialControls)
  }

  function run(action: () => Promise<DemoControlsResult>) {
    startTransition(async () => {
      let result: DemoControlsResult
      try {
        result = await action()
      } catch (error) {
        unstable_rethrow(error) // the redirect to sign in belongs to Next
        result = { ok: false, message: 'The site could not be reached. Try again.' }
      }
      if (!result.ok) {
        setFailure(result.message)
        return
      }
      setFailure(null)
      setControls(result.controls)
      setDraft(settingsOf(result.controls))
      onChange?.(result.controls)
      // Server Components on the page rendered under the old controls; render them again.
      router.refresh()
    })
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    run(() => setDemoControls(draft))
  }

  const change = (patch: Partial<DemoControlsInput>) => setDraft((current) => ({ ...current, ...patch }))
  const isActive = controls.expiresAt !== null

  return (
    <form className="bff-card bff-demo-controls" data-testid="demo-controls" onSubmit={apply} aria-busy={isPending}>
      <fieldset disabled={isPending}>
        <legend>Make the API slow or failing</legend>
        <p className="bff-demo-controls-hint">
          Only the requests of this sign-in are affected, never anyone else on the shared demo account. A change means creating, editing or deleting a goal.
        </p>

        <label>
          Delay every request by
          <select value={draft.latencyMs} onChange={(e) => change({ latencyMs: Number(e.target.value) })}>
            {withCurrent(delays, draft.latencyMs, `${draft.latencyMs} ms`).map(({ value, label }) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>

        <label>
          Make the next changes fail (how many)
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={draft.failNextMutations}
            onChange={(e) => change({ failNextMutations: Number.isNaN(e.target.valueAsNumber) ? 0 : e.target.valueAsNumber })}
          />
        </label>

        <label>
          After those, also fail this share of changes
          <select value={draft.failureRate} onChange={(e) => change({ failureRate: Number(e.target.value) })}>
            {withCurrent(shares, draft.failureRate, `${Math.round(draft.failureRate * 100)}%`).map(({ value, label }) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>

        <label className="bff-demo-controls-toggle">
          <input type="checkbox" checked={draft.down} onChange={(e) => change({ down: e.target.checked })} />
          Take the API down (every request answers “503 Service Unavailable”)
        </label>

        <div className="bff-actions">
          <button type="submit">Apply</button>
          <button type="button" onClick={() => run(resetDemoControls)}>Reset everything</button>
          {isPending && <span className="bff-demo-controls-pending">Saving…</span>}
        </div>
      </fieldset>

      <p className="bff-demo-controls-status" data-testid="demo-controls-status" data-active={isActive} role="status">
        {describeDemoControls(controls)}
        {controls.expiresAt && (
          <>
            {'. Everything switches off by itself at '}
            {/* Formatted in the reader's time zone, which the server cannot know. */}
            <time dateTime={controls.expiresAt} suppressHydrationWarning>
              {new Date(controls.expiresAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
            </time>
            .
          </>
        )}
      </p>
      <p role="alert" className="bff-error">{failure}</p>
    </form>
  )
}

function settingsOf({ latencyMs, failNextMutations, failureRate, down }: DemoControls): DemoControlsInput {
  return { latencyMs, failNextMutations, failureRate, down }
}

/** The choices, plus the value in force if it was set some other way (curl, a test). */
function withCurrent(choices: { value: number; label: string }[], current: number, label: string) {
  return choices.some((choice) => choice.value === current) ? choices : [...choices, { value: current, label }]
}
