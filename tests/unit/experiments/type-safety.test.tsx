// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { QueryClient } from '@tanstack/react-query'
import createFetchClient from 'openapi-fetch'
import createClient from 'openapi-react-query'
import { afterEach, describe, expect, it } from 'vitest'
import type { paths } from '@/demos/lib/api/dotnet-api'
import { $browser, $server, firstPage } from '@/demos/experiments/type-safety/goals-api'
import { loadExperiment, watchFor } from './load-experiment'

// The type-safety page's experiment: openapi-react-query's $api, one per client.
// Its key never includes the client, so a server prefetch and a browser hook
// made from different clients share one cache entry.
afterEach(cleanup)

const requests = () => within(screen.getByRole('region', { name: 'Requests' })).queryAllByRole('listitem').map((item) => item.textContent)

async function openPage({ failing = false } = {}) {
  const App = await loadExperiment('type-safety')
  render(<App />)
  fireEvent.change(screen.getByLabelText('Latency'), { target: { value: '0' } })
  if (failing) fireEvent.click(screen.getByLabelText('Fail requests'))
  fireEvent.click(screen.getByRole('button', { name: 'Open the page' }))
}

describe('the type-safety experiment', () => {
  it('two $api instances over different clients produce the same query key', () => {
    const server = $server.queryOptions('get', '/api/goals', firstPage)
    const browser = $browser.queryOptions('get', '/api/goals', firstPage)
    expect(server.queryKey).toEqual(['get', '/api/goals', firstPage])
    expect(browser.queryKey).toEqual(server.queryKey)
    // The parameters are in the key: another page is another entry.
    expect($browser.queryOptions('get', '/api/goals', { params: { query: { page: 2, pageSize: 5 } } }).queryKey).not.toEqual(server.queryKey)
  })

  it('the browser finds the page the server fetched: one request, from the server, and no loading state', async () => {
    const loading = watchFor('Loading goals…')
    await openPage()
    await screen.findByText('Read the BFF guide')
    expect(screen.getByText(/^The same key\.$/)).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(requests()).toEqual(['GET /api/goals?page=1&pageSize=5 (from the server) → 200'])
    expect(loading.seen).toBe(false)
    loading.stop()
  })

  it('with other parameters in the browser, the keys differ and the browser fetches again', async () => {
    const App = await loadExperiment('type-safety', [{ file: '/goal-list.tsx', find: "'/api/goals', firstPage", replace: "'/api/goals', { params: { query: { page: 1 } } }" }])
    render(<App />)
    fireEvent.change(screen.getByLabelText('Latency'), { target: { value: '0' } })
    fireEvent.click(screen.getByRole('button', { name: 'Open the page' }))
    await screen.findByText('Read the BFF guide')
    expect(requests()).toEqual(['GET /api/goals?page=1&pageSize=5 (from the server) → 200', 'GET /api/goals?page=1 (from the browser) → 200'])
  })

  it('a failing API makes $api throw the ProblemDetails body, a plain object and not an ApiError', async () => {
    await openPage({ failing: true })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('a plain object, not an Error')
    expect(alert.textContent).toContain('"status":503')
    expect(requests()).toEqual(['GET /api/goals?page=1&pageSize=5 (from the server) → 503'])
  })
})

describe('what $api’s queryFn does with an error, which the type-safety page states', () => {
  // The page's reason for keeping the site's own fetchers: no ApiError with a status, and one case not thrown at all.
  const api = (response: () => Response) => createClient(createFetchClient<paths>({ baseUrl: 'https://api.internal', fetch: async () => response() }))
  const run = (response: () => Response) => new QueryClient().fetchQuery({ ...api(response).queryOptions('get', '/api/goals'), retry: false })

  it('throws the parsed ProblemDetails body, not an Error', async () => {
    const thrown = await run(() => Response.json({ title: 'Down', status: 503 }, { status: 503 })).catch((error: unknown) => error)
    expect(thrown).not.toBeInstanceOf(Error)
    expect(thrown).toEqual({ title: 'Down', status: 503 })
  })

  it('throws the text of a body that is not JSON', async () => {
    await expect(run(() => new Response('<html>Bad gateway</html>', { status: 502 }))).rejects.toBe('<html>Bad gateway</html>')
  })

  it('does not throw an error answered with Content-Length: 0: the query succeeds with null', async () => {
    await expect(run(() => new Response(null, { status: 503, headers: { 'Content-Length': '0' } }))).resolves.toBeNull()
  })
})
