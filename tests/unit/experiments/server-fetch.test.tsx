// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { type Edit, loadExperiment, watchFor } from './load-experiment'

// Workflow B's experiment: the server's cache, dehydrated and hydrated, is fresh
// on arrival; with staleTime 0 the browser fetches it again.
afterEach(cleanup)

async function openPage(edits: Edit[] = []) {
  const App = await loadExperiment('server-fetch', edits)
  render(<App />)
  fireEvent.change(screen.getByLabelText('Latency'), { target: { value: '0' } })
  const loading = watchFor('Loading goals…')
  fireEvent.click(screen.getByRole('button', { name: 'Open the page' }))
  await screen.findByText('Read the BFF guide')
  return loading
}

const requests = () => within(screen.getByRole('region', { name: 'Requests' })).queryAllByRole('listitem').map((item) => item.textContent)

describe('the server-fetch experiment', () => {
  it('hydrates the server’s data: one request, from the server, and no loading state', async () => {
    const loading = await openPage()
    expect(screen.getByText(/Fetched by the/).textContent).toContain('server')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(requests()).toEqual(['GET /api/goals (from the server) → 200'])
    expect(loading.seen).toBe(false)
    loading.stop()
  })

  it('refetches from the browser at once when staleTime is 0', async () => {
    const loading = await openPage([{ file: '/App.tsx', find: 'staleTime: 60_000', replace: 'staleTime: 0' }])
    await waitFor(() => expect(requests()).toEqual(['GET /api/goals (from the server) → 200', 'GET /api/goals (from the browser) → 200']))
    await waitFor(() => expect(screen.getByText(/Fetched by the/).textContent).toContain('browser'))
    // Stale data still renders at once; the refetch happens behind it.
    expect(loading.seen).toBe(false)
    loading.stop()
  })

  it('shows the error page when the server’s fetch fails', async () => {
    const App = await loadExperiment('server-fetch')
    render(<App />)
    fireEvent.change(screen.getByLabelText('Latency'), { target: { value: '0' } })
    fireEvent.click(screen.getByLabelText('Fail requests'))
    fireEvent.click(screen.getByRole('button', { name: 'Open the page' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/unavailable.*error\.tsx/)
    expect(screen.queryByText('Read the BFF guide')).toBeNull()
  })
})
