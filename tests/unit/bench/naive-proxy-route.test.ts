import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { NAIVE_PROXY_ENV } from '@/site/lib/bench/naive-proxy'
import { BENCH_SERVER_ENV } from '@/bench/bench-server'
import { setUpGatedBenchRoute } from './set-up-gated-bench-route'

// The proxy benchmark's naive proxy (app/api/bench/naive-proxy), called directly
// in front of the mock .NET API on a real port. Next's cookies() needs a request
// scope; here it reads the cookie this test sets, as it would the request's.
let cookieValue: string | undefined
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === ACCESS_COOKIE && cookieValue ? { name, value: cookieValue } : undefined) }),
}))

type Route = { GET: (request: NextRequest, context: { params: Promise<{ path: string[] }> }) => Promise<Response> }
const bench = setUpGatedBenchRoute<Route>(() => import('@/app/api/bench/naive-proxy/[...path]/route'), NAIVE_PROXY_ENV)
beforeEach(() => {
  cookieValue = bench.token
})

const get = (path: string, search = '') =>
  bench.route.GET(new NextRequest(`http://bff.test/api/bench/naive-proxy/${path}${search}`), { params: Promise.resolve({ path: path.split('/') }) })

describe('the naive proxy', () => {
  it('does not exist unless the benchmark switched it on', async () => {
    delete process.env[NAIVE_PROXY_ENV]
    const response = await get('goals', '?page=1&pageSize=10')
    expect(response.status).toBe(404)
    expect(bench.arrivals).toEqual([])
  })

  it('is switched on by the servers the benchmark starts', () => {
    expect(BENCH_SERVER_ENV).toMatchObject({ [NAIVE_PROXY_ENV]: '1' })
  })

  it('forwards the path and query with the cookie’s token as the bearer, and returns the API’s body and status', async () => {
    const response = await get('goals', '?page=1&pageSize=10')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ page: 1, pageSize: 10 })
    expect(bench.arrivals.map((a) => `${a.method} ${a.path}`)).toEqual(['GET /api/goals?page=1&pageSize=10'])
    expect(bench.arrivals[0].headers.get('authorization')).toBe(`Bearer ${bench.token}`)
  })

  it('passes on whatever the API answers, as tutorials do: without a cookie the API’s 401', async () => {
    cookieValue = undefined
    const response = await get('goals')
    expect(response.status).toBe(401)
    expect(bench.arrivals).toHaveLength(1)
  })
})
