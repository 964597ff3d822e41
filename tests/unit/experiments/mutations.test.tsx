// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { loadExperiment } from './load-experiment'

// Workflow D's experiment: a change shows before the API answers, and is rolled
// back, with a message, when the failure switch is on.
afterEach(cleanup)

async function renderBoard() {
  const App = await loadExperiment('mutations')
  render(<App />)
  fireEvent.change(screen.getByLabelText('Latency'), { target: { value: '300' } })
  await screen.findByText('Read the BFF guide', {}, { timeout: 3000 })
}

function addGoal(title: string) {
  fireEvent.change(screen.getByLabelText('New goal'), { target: { value: title } })
  fireEvent.click(screen.getByRole('button', { name: 'Add' }))
}

const logged = () => within(screen.getByRole('region', { name: 'Requests' })).queryAllByRole('listitem').map((item) => item.textContent)
const goal = (title: string) => within(screen.getByRole('region', { name: 'Goals' })).queryAllByRole('listitem').find((item) => item.textContent?.includes(title))

describe('the mutations experiment', () => {
  it('shows a new goal before the API answers, and keeps it when the API accepts', async () => {
    await renderBoard()
    addGoal('Learn rollbacks')
    // onMutate first awaits cancelQueries: the goal shows a microtask later, long before the answer.
    await waitFor(() => expect(goal('Learn rollbacks')?.textContent).toContain('saving…'))
    expect(logged()).toContain('POST /api/goals …')
    await waitFor(() => expect(goal('Learn rollbacks')?.textContent).not.toContain('saving…'), { timeout: 3000 })
    expect(logged()).toContain('POST /api/goals → 200')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('rolls a new goal back, with a message, when the failure switch is on', async () => {
    await renderBoard()
    fireEvent.click(screen.getByLabelText('Fail requests'))
    addGoal('Doomed goal')
    await waitFor(() => expect(goal('Doomed goal')?.textContent).toContain('saving…'))
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toBe(
      'Could not add "Doomed goal": The API is unavailable (the failure switch is on). It was taken out again.',
    )
    expect(goal('Doomed goal')).toBeUndefined()
    expect(logged()).toContain('POST /api/goals → 503')
  })

  it('unticks a goal again when the API refuses the change', async () => {
    await renderBoard()
    fireEvent.click(screen.getByLabelText('Fail requests'))
    const checkbox = screen.getByRole<HTMLInputElement>('checkbox', { name: /Keep tokens out of JavaScript/ })
    fireEvent.click(checkbox)
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /Keep tokens out of JavaScript/ }).checked).toBe(true))
    expect(logged()).toContain('PATCH /api/goals/2 …')
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toContain('The change was undone.')
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /Keep tokens out of JavaScript/ }).checked).toBe(false)
    expect(logged()).toContain('PATCH /api/goals/2 → 503')
  })
})
