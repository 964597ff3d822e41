'use client'

import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, startTransition, useActionState, useEffect, useOptimistic } from 'react'
import { requestFormReset } from 'react-dom'
import { createGoalAction, type CreateGoalState } from '@/demos/lib/goals/create-goal-action'
import { newGoalSchema } from '@/demos/lib/goals/goal-schemas'
import { goalKeys } from '@/demos/lib/goals/goals-query'

/** The Server Action alternative: a real <form> that works before, or without, JavaScript. */
export function ServerActionGoalForm() {
  const [state, formAction, isPending] = useActionState<CreateGoalState, FormData>(createGoalAction, { ok: false })
  // The title on its way to the action. React shows it while the action runs
  // and drops it when the action answers, success or failure: nothing to undo.
  const [sending, setSending] = useOptimistic<string | null>(null)
  const queryClient = useQueryClient()

  function submitWithFeedback(event: FormEvent<HTMLFormElement>) {
    // Runs only once JavaScript has: before that, the browser posts the form
    // to the action itself. Here React posts it, in a transition this handler
    // starts, so the optimistic title shows before the server answers.
    event.preventDefault()
    const form = event.currentTarget
    const formData = new FormData(form)
    // The same schema the action checks with: input it will refuse is not shown as on its way.
    const input = newGoalSchema.safeParse({ title: formData.get('title'), description: formData.get('description') })
    startTransition(() => {
      if (input.success) setSending(input.data.title)
      // React resets a form after an action it posted itself; this one it did not.
      requestFormReset(form)
      formAction(formData)
    })
  }

  useEffect(
    function refreshClientCache() {
      // The action revalidated the server render; the client's cache must follow.
      if (state.ok) void queryClient.invalidateQueries({ queryKey: goalKeys.all })
    },
    [state, queryClient],
  )

  return (
    <form action={formAction} onSubmit={submitWithFeedback} className="bff-form" aria-labelledby="action-goal-heading" data-testid="server-action-form">
      <h2 id="action-goal-heading">New goal (Server Action, works without JavaScript)</h2>
      <label>Title <input name="title" defaultValue={state.values?.title} aria-invalid={!!state.fieldErrors?.title} /></label>
      {state.fieldErrors?.title && <p className="bff-field-error">{state.fieldErrors.title[0]}</p>}
      <label>Description <input name="description" defaultValue={state.values?.description} aria-invalid={!!state.fieldErrors?.description} /></label>
      {state.fieldErrors?.description && <p className="bff-field-error">{state.fieldErrors.description[0]}</p>}
      {sending !== null && (
        <p className="bff-goal" data-pending data-testid="server-action-sending">
          <strong>{sending}</strong>
          <span className="bff-badge">sending…</span>
        </p>
      )}
      <p role="status" className={state.ok ? 'bff-success' : 'bff-error'}>{state.message}</p>
      <div className="bff-actions"><button type="submit" disabled={isPending}>{isPending ? 'Creating…' : 'Create with a Server Action'}</button></div>
    </form>
  )
}
