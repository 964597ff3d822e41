'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { ApiError } from '@/demos/lib/api/api-error'
import { type GoalListParams, type NewGoal, newGoalSchema } from '@/demos/lib/goals/goal-schemas'
import { useCreateGoal } from '@/demos/lib/goals/use-goal-mutations'
import { useHydrated } from '@/demos/lib/use-hydrated'

const FIELDS = ['title', 'description'] as const

/** Creates a goal through the proxy, optimistically. */
export function CreateGoalForm({ view, report }: { view: GoalListParams; report: (message: string) => void }) {
  const form = useForm<NewGoal>({ resolver: zodResolver(newGoalSchema), defaultValues: { title: '', description: '' } })
  const create = useCreateGoal(view, report)
  const { errors } = form.formState
  // Without JavaScript this form could only reload the page; the Server Action form below works instead.
  const hydrated = useHydrated()

  function submit(input: NewGoal) {
    create.mutate(input, {
      onError(error) {
        // The API's validation errors (400 `errors`, keyed "Title") land on the matching field.
        if (!(error instanceof ApiError) || !error.errors) return
        for (const field of FIELDS) {
          const message = error.errors[field.charAt(0).toUpperCase() + field.slice(1)]?.[0]
          if (message) form.setError(field, { message })
        }
      },
    })
    // The optimistic item is already in the list; the form is ready for the next one.
    form.reset()
  }

  return (
    <form className="bff-form" onSubmit={form.handleSubmit(submit)} noValidate aria-labelledby="create-goal-heading">
      <h2 id="create-goal-heading">New goal (optimistic, through the proxy)</h2>
      <fieldset disabled={!hydrated} className="bff-fieldset">
        <label>Title <input {...form.register('title')} aria-invalid={!!errors.title} /></label>
        {errors.title && <p className="bff-field-error">{errors.title.message}</p>}
        <label>Description <input {...form.register('description')} aria-invalid={!!errors.description} /></label>
        {errors.description && <p className="bff-field-error">{errors.description.message}</p>}
        <div className="bff-actions"><button type="submit">Add goal</button></div>
      </fieldset>
    </form>
  )
}
