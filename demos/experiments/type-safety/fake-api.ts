import { fakeRequest, HttpError } from './fake-network'

const GOALS = ['Read the BFF guide', 'Keep tokens out of JavaScript', 'Prefetch on the server'].map((title, index) => ({
  id: `00000000-0000-4000-8000-00000000000${index + 1}`,
  title,
  description: '',
  status: 'active' as const,
  progress: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}))

/**
 * The fetch an openapi-fetch client is given: it answers GET /api/goals with one
 * page, or with the ProblemDetails the API sends when the failure switch is on.
 * `from` says which side asked, for the request log.
 */
export function fakeFetch(from: 'server' | 'browser') {
  return async (request: Request) => {
    const url = new URL(request.url)
    try {
      const page = await fakeRequest(`${request.method} ${url.pathname}${url.search} (from the ${from})`, () => ({
        items: GOALS,
        page: 1,
        pageSize: 5,
        totalCount: GOALS.length,
        totalPages: 1,
        hasMore: false,
      }))
      return Response.json(page)
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500
      const problem = { type: 'about:blank', title: (error as Error).message, status, traceId: 'sandbox' }
      return Response.json(problem, { status, headers: { 'Content-Type': 'application/problem+json' } })
    }
  }
}
