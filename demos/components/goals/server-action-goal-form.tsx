'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useActionState, useEffect } from 'react'
import { createGoalAction, type CreateGoalState } from '@/demos/lib/goals/create-goal-action'
import { goalKeys } from '@/demos/lib/goals/goals-query'

/** The Server Action alternative: a real <form> that works before, or without, JavaScript. */
export function ServerActionGoalForm() {
  const [state, formAction, isPending] = useActionState<CreateGoalState, FormData>(createGoalAction, { ok: false })
  const queryClient = useQueryClient()

  useEffect(
    function refreshClientCache() {
      // The action revalidated the server render; the client's cache must follow.
      if (state.ok) void queryClient.invalidateQueries({ queryKey: goalKeys.all })
    },
    [state, queryClient],
  )

  return (
    <form action={formAction} className="bff-form" aria-labelledby="action-goal-heading" data-testid="server-action-form">
      <h2 id="action-goal-heading">New goal (Server Action, works without JavaScript)</h2>
      <label>Title <input name="title" defaultValue={state.values?.title} aria-invalid={!!state.fieldErrors?.title} /></label>
      {state.fieldErrors?.title && <p className="bff-field-error">{state.fieldErrors.title[0]}</p>}
      <label>Description <input name="description" defaultValue={state.values?.description} aria-invalid={!!state.fieldErrors?.description} /></label>
      {state.fieldErrors?.description && <p className="bff-field-error">{state.fieldErrors.description[0]}</p>}
      <p role="status" className={state.ok ? 'bff-success' : 'bff-error'}>{state.message}</p>
      <div className="bff-actions"><button type="submit" disabled={isPending}>{isPending ? 'Creating…' : 'Create with a Server Action'}</button></div>
    </form>
  )
}
