// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CreateGoalState } from '@/demos/lib/goals/create-goal-action'

// The Server Action form's instant feedback (useOptimistic), with the action
// held open until the test lets it answer. The browser suite runs the real
// action; this one checks what shows while it runs and after each answer.
let answer: ((state: CreateGoalState) => void) | undefined
const calls: string[] = []
vi.mock('@/demos/lib/goals/create-goal-action', () => ({
  createGoalAction: (_previous: CreateGoalState, formData: FormData) => {
    calls.push(String(formData.get('title')))
    return new Promise<CreateGoalState>((resolve) => (answer = resolve))
  },
}))
afterEach(() => {
  cleanup()
  calls.length = 0
})

async function renderForm() {
  const { ServerActionGoalForm } = await import('@/demos/components/goals/server-action-goal-form')
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ServerActionGoalForm />
    </QueryClientProvider>,
  )
}

function submit(title: string) {
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: title } })
  fireEvent.submit(screen.getByTestId('server-action-form'))
}

const sending = () => screen.queryByTestId('server-action-sending')

describe('the Server Action form with JavaScript', () => {
  it('shows the title before the action answers, and the answer replaces it', async () => {
    await renderForm()
    submit('Quick goal')
    await waitFor(() => expect(sending()?.textContent).toContain('Quick goal'))
    expect(calls).toEqual(['Quick goal'])
    expect(screen.getByRole('status').textContent).toBe('')

    answer!({ ok: true, message: 'Created "Quick goal".' })
    await waitFor(() => expect(sending()).toBeNull())
    expect(screen.getByRole('status').textContent).toBe('Created "Quick goal".')
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('')
  })

  it('drops the title when the action refuses, and keeps what the reader typed', async () => {
    await renderForm()
    submit('Doomed goal')
    await waitFor(() => expect(sending()).not.toBeNull())

    answer!({ ok: false, message: 'The API could not create the goal (500). Try again.', values: { title: 'Doomed goal', description: '' } })
    await waitFor(() => expect(sending()).toBeNull())
    expect(screen.getByRole('status').textContent).toContain('could not create the goal')
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Doomed goal')
  })

  it('shows nothing on its way for input the action will refuse, and still lets the action say why', async () => {
    await renderForm()
    submit('   ')
    await waitFor(() => expect(calls).toEqual(['   ']))
    expect(sending()).toBeNull()
    answer!({ ok: false, fieldErrors: { title: ['Enter a title'] }, values: { title: '   ', description: '' } })
    await screen.findByText('Enter a title')
  })
})
