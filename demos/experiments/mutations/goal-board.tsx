import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { goalsQuery } from './goals-query'
import { useCreateGoal, useToggleGoal } from './use-goal-mutations'

export function GoalBoard() {
  const [message, setMessage] = useState<string | null>(null)
  const { data: goals, isPending } = useQuery(goalsQuery)
  const createGoal = useCreateGoal(setMessage)
  const toggleGoal = useToggleGoal(setMessage)

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const title = String(new FormData(form).get('title') ?? '').trim()
    if (!title) return
    setMessage(null)
    createGoal.mutate(title)
    form.reset()
  }

  return (
    <section aria-labelledby="goals">
      <h2 id="goals">Goals</h2>
      {message && <p role="alert">{message}</p>}
      {isPending ? (
        <p role="status">Loading…</p>
      ) : (
        <ul>
          {goals?.map((goal) => (
            <li key={goal.id} className={goal.saving ? 'saving' : undefined}>
              <label>
                <input
                  type="checkbox"
                  checked={goal.done}
                  disabled={goal.saving}
                  onChange={() => {
                    setMessage(null)
                    toggleGoal.mutate({ id: goal.id, done: !goal.done })
                  }}
                />
                {goal.title} {goal.saving && <small>saving…</small>}
              </label>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add}>
        <label>
          New goal
          <input name="title" type="text" />
        </label>
        <button type="submit">Add</button>
      </form>
    </section>
  )
}
