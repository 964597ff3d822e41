'use client'

import { useState, type ReactNode } from 'react'
import type { LabStep } from '@/site/lib/attack-lab/lab-attack-names'

type Props = { id: string; title: string; action: string; children: ReactNode; run: () => Promise<LabStep[]> | LabStep[] }

/** One attack: a button that runs it against your session, and what each attempt got. */
export function LabGroup({ id, title, action, children, run }: Props) {
  const [steps, setSteps] = useState<LabStep[] | null>(null)
  const [state, setState] = useState<'idle' | 'running' | 'failed'>('idle')

  async function start() {
    setState('running')
    setSteps(null)
    try {
      setSteps(await run())
      setState('idle')
    } catch {
      setState('failed')
    }
  }

  const blocked = steps?.every((step) => step.blocked)
  return (
    <section className="bff-card" data-testid={`lab-${id}`} aria-labelledby={`lab-${id}-title`}>
      <h2 id={`lab-${id}-title`}>{title}</h2>
      {children}
      <div className="bff-actions">
        <button type="button" onClick={start} disabled={state === 'running'}>
          {state === 'running' ? 'Running…' : action}
        </button>
      </div>
      <p role="status" data-outcome={steps ? (blocked ? 'blocked' : 'open') : undefined}>
        {state === 'failed' && 'The attack could not run: is the site reachable, and are you signed in?'}
        {steps && (blocked ? `Blocked: all ${steps.length} attempts failed as they should.` : 'NOT blocked: see the attempts marked below.')}
      </p>
      {steps && (
        <ul className="bff-lab-steps">
          {steps.map((step, i) => (
            <li key={i} data-blocked={step.blocked}>
              <span className={step.blocked ? 'bff-lab-blocked' : 'bff-lab-open'}>
                {step.blocked ? '✓ blocked' : '✗ got through'}
                {step.status ? ` ${step.status}` : ''}
              </span>
              <span>
                <strong>{step.label}</strong>: {step.detail}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
