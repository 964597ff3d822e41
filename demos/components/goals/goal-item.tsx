'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { type Goal, type GoalEdit, goalEditSchema, GOAL_STATUSES } from '@/demos/lib/goals/goal-schemas'
import { isTemporary, useDeleteGoal, useUpdateGoal } from '@/demos/lib/goals/use-goal-mutations'
import { GoalAttachments } from './goal-attachments'

export function GoalItem({ goal, report }: { goal: Goal; report: (message: string) => void }) {
  const [editing, setEditing] = useState(false)
  // Closed at first: a page of goals asks for no attachment lists until a reader opens one.
  const [showFiles, setShowFiles] = useState(false)
  const filesId = useId()
  const update = useUpdateGoal(report)
  const remove = useDeleteGoal(report)
  const pending = isTemporary(goal)

  if (editing) return <GoalEditor goal={goal} onCancel={() => setEditing(false)} onSave={(changes) => { update.mutate({ id: goal.id, changes }); setEditing(false) }} />

  return (
    <li className="bff-goal" data-testid="goal" data-pending={pending || undefined}>
      <div>
        <strong>{goal.title}</strong>
        <span className={`bff-badge bff-badge-${goal.status}`}>{goal.status}</span>
        {pending && <span className="bff-badge">saving…</span>}
        <progress max={100} value={goal.progress} aria-label={`${goal.title}: ${goal.progress}% done`} />
      </div>
      <div className="bff-actions">
        <button type="button" disabled={pending} onClick={() => setEditing(true)}>Edit</button>
        <button type="button" disabled={pending} onClick={() => remove.mutate(goal)} aria-label={`Delete "${goal.title}"`}>Delete</button>
        <button type="button" disabled={pending} aria-expanded={showFiles} aria-controls={showFiles ? filesId : undefined} onClick={() => setShowFiles(!showFiles)} aria-label={`Files of "${goal.title}"`}>Files</button>
      </div>
      {showFiles && !pending && <GoalAttachments goal={goal} id={filesId} />}
    </li>
  )
}

type EditorProps = { goal: Goal; onCancel: () => void; onSave: (changes: GoalEdit) => void }

function GoalEditor({ goal, onCancel, onSave }: EditorProps) {
  const form = useForm<GoalEdit>({ resolver: zodResolver(goalEditSchema), defaultValues: { title: goal.title, status: goal.status, progress: goal.progress } })
  const { errors } = form.formState
  return (
    <li className="bff-goal">
      <form className="bff-form bff-inline-form" onSubmit={form.handleSubmit(onSave)} noValidate aria-label={`Edit "${goal.title}"`}>
        <label>Title <input {...form.register('title')} aria-invalid={!!errors.title} /></label>
        {errors.title && <p className="bff-field-error">{errors.title.message}</p>}
        <label>Status
          <select {...form.register('status')}>{GOAL_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}</select>
        </label>
        <label>Progress (%) <input type="number" {...form.register('progress', { valueAsNumber: true })} aria-invalid={!!errors.progress} /></label>
        {errors.progress && <p className="bff-field-error">{errors.progress.message}</p>}
        <div className="bff-actions">
          <button type="submit">Save</button>
          <button type="button" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </li>
  )
}
