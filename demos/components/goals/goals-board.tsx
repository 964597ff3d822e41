'use client'

import { useState } from 'react'
import { useGoalListParams } from '@/demos/lib/goals/use-goal-list-params'
import { CreateGoalForm } from './create-goal-form'
import { GoalList } from './goal-list'

/** The interactive part of the goals demo: the list, its view state, and the optimistic form. */
export function GoalsBoard() {
  const [params, setParams] = useGoalListParams()
  const [failure, setFailure] = useState<string | null>(null)

  return (
    // .bff-streamed: it fills at least a screen, as loading.tsx does before it (see app/demo/goals/layout.tsx).
    <div className="bff-board bff-streamed">
      <p role="alert" className="bff-error" data-testid="mutation-error">{failure}</p>
      {failure && <button type="button" onClick={() => setFailure(null)}>Dismiss</button>}
      <CreateGoalForm view={params} report={setFailure} />
      <GoalList params={params} onParamsChange={setParams} report={setFailure} />
    </div>
  )
}
