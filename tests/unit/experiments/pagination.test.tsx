// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { type Edit, loadExperiment, watchFor } from './load-experiment'

// Workflow C's experiment: keepPreviousData plus a next-page prefetch means no
// loading state between pages; without them, every page flashes "Loading…".
afterEach(cleanup)

const WITHOUT_PLACEHOLDER: Edit = { file: '/goal-pages.tsx', find: 'placeholderData: keepPreviousData,', replace: '// placeholderData: keepPreviousData,' }
const WITHOUT_PREFETCH: Edit = { file: '/goal-pages.tsx', find: 'if (data?.hasMore', replace: '// if (data?.hasMore' }

const logged = () => within(screen.getByRole('region', { name: 'Requests' })).queryAllByRole('listitem').map((item) => item.textContent)

async function renderFirstPage(edits: Edit[] = []) {
  const App = await loadExperiment('pagination', edits)
  render(<App />)
  fireEvent.change(screen.getByLabelText('Latency'), { target: { value: '300' } })
  await screen.findByText('Goal 1', {}, { timeout: 3000 })
}

describe('the pagination experiment', () => {
  it('shows the prefetched next page at once, and prefetches the one after', async () => {
    await renderFirstPage()
    await waitFor(() => expect(logged()).toContain('GET /api/goals?page=2 → 200'))
    const loading = watchFor('Loading…')
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('Goal 6')).toBeTruthy()
    await waitFor(() => expect(logged()).toContain('GET /api/goals?page=3 → 200'))
    expect(loading.seen).toBe(false)
    loading.stop()
  })

  it('flashes "Loading…" on Next once both lines are deleted', async () => {
    await renderFirstPage([WITHOUT_PLACEHOLDER, WITHOUT_PREFETCH])
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('Loading…')).toBeTruthy()
    expect(screen.queryByText('Goal 1')).toBeNull()
    expect(await screen.findByText('Goal 6', {}, { timeout: 3000 })).toBeTruthy()
    expect(logged()).toEqual(['GET /api/goals?page=1 → 200', 'GET /api/goals?page=2 → 200'])
  })

  it('keeps the previous page, dimmed, when only the prefetch is deleted', async () => {
    await renderFirstPage([WITHOUT_PREFETCH])
    const loading = watchFor('Loading…')
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('Goal 1')).toBeTruthy()
    expect(screen.getByText('Updating…')).toBeTruthy()
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next' }).disabled).toBe(true)
    expect(await screen.findByText('Goal 6', {}, { timeout: 3000 })).toBeTruthy()
    expect(loading.seen).toBe(false)
    loading.stop()
  })
})
