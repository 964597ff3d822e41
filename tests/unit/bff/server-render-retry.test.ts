import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/demos/lib/api/api-error'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { startHttpServer, type RunningServer } from '@/mocks/http-server'
import { signInAtApi } from './sign-in-at-api'

// The goals page's server render, run for real: the page component, the DAL,
// the server's typed client and the server's QueryClient, against the mock API
// over HTTP. Only the request's cookies are stood in for, as Next would pass them.
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === ACCESS_COOKIE && token ? { name, value: token } : undefined) }),
  headers: async () => new Headers({ 'x-bff-path': '/demo/goals' }),
}))

let api: RunningServer
let token: string
let goalsDown = false
const arrivals: string[] = []

beforeAll(async () => {
  const mock = createDotnetApi({ config: { jwtSigningKey: 'retry-unit-test-signing-key-32-chars!!' } })
  api = await startHttpServer((request, options) => {
    const url = new URL(request.url)
    arrivals.push(`${request.method} ${url.pathname}${url.search}`)
    // The API fails the goals and nothing else: the DAL's session check still passes.
    if (goalsDown && url.pathname === '/api/goals') {
      return Promise.resolve(Response.json({ title: 'Service Unavailable', status: 503 }, { status: 503, headers: { 'content-type': 'application/problem+json' } }))
    }
    return mock.handle(request, options)
  })
  process.env.DOTNET_API_URL = api.url
  token = await signInAtApi(api.url)
})

afterAll(() => api.close())

beforeEach(() => {
  arrivals.length = 0
})

const goalRequests = (page: number) => arrivals.filter((a) => a.startsWith('GET /api/goals?') && new URLSearchParams(a.split('?')[1]).get('page') === String(page))

async function renderGoalsPage() {
  const { default: GoalsPage } = await import('@/app/demo/goals/page')
  return GoalsPage({ searchParams: Promise.resolve({}) })
}

describe('the goals page, rendered on the server', () => {
  it('fetches this page and the next once each when the API is up', async () => {
    goalsDown = false
    await expect(renderGoalsPage()).resolves.toBeTruthy()
    expect(goalRequests(1)).toHaveLength(1)
    expect(goalRequests(2)).toHaveLength(1)
  })

  it('with the goals failing, asks the API once and fails at once: no retry on the server', async () => {
    goalsDown = true
    const failure = await renderGoalsPage().then(
      () => null,
      (error: unknown) => error,
    )
    // fetchQuery threw, so the route's error.tsx shows: the status, not an empty list.
    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).status).toBe(503)
    // With retries on, the page would wait out two backoffs (1 s, then 2 s) and ask three times.
    expect(goalRequests(1)).toHaveLength(1)
    // The next page's prefetch was sent too, and fails quietly: the browser fetches it if the reader pages on.
    await vi.waitFor(() => expect(goalRequests(2)).toHaveLength(1))
  })
})
