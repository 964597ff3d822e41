import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { findProxyRoute } from '@/demos/lib/proxy/proxy-allowlist'
import { readProxyPath } from '@/demos/lib/proxy/read-proxy-path'
import type { RunningServer } from '@/mocks/http-server'
import { CSRF, expectProblem, importProxyRoute, proxyRequest, send, startSpiedApi, type Arrival, type ProxyRoute } from './proxy-test-kit'

const id = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b'

// Traversal and smuggling attempts. Some are resolved by the URL parser before
// the route sees them (`..`, `%2e%2e`, `\`); either way none may reach the API
// anywhere but an allowlisted route.
const attacks = [
  '../dotnet/api/goals',
  'goals/../../dotnet/api/auth/login',
  '%2e%2e/auth/login',
  '.%2E/auth/login',
  'goals/..%2f..%2fauth%2flogin',
  'goals%2f..%2fauth%2flogin',
  'goals/%2E%2E%2Fusers%2Fme',
  'goals%5c..%5cauth%5clogin',
  'goals\\..\\auth\\login',
  '/goals',
  'goals//',
  'goals/',
  `goals//${id}`,
  '//evil.example/api/goals',
  '%2F%2Fevil.example/goals',
  'http://evil.example/api/goals',
  'http:%2F%2Fevil.example/goals',
  'g%6Fals',
  'goals%00',
  `goals/${id}%00`,
  'goals%0d%0aX-Injected:%201',
  'goals;jsessionid=1',
  'users/me%3F',
  'goals/.',
  'goals/%2e',
  'goals/.../x',
]

describe('readProxyPath on a raw URL', () => {
  it.each([
    ['http://bff.test/api/proxy/goals', ['goals'], ''],
    [`http://bff.test/api/proxy/goals/${id}?x=1`, ['goals', id], '?x=1'],
    ['http://bff.test/api/proxy/goals?page=1&pageSize=5', ['goals'], '?page=1&pageSize=5'],
    // Well-formed but not allowlisted: the allowlist answers 404 for it.
    ['http://bff.test/api/proxy/swagger/v1/swagger.json', ['swagger', 'v1', 'swagger.json'], ''],
  ])('accepts %s', (url, segments, search) => {
    expect(readProxyPath(url)).toEqual({ segments, search })
  })

  it.each([...attacks, 'users/./me'])('refuses api/proxy/%s as written, before any URL parser resolves it', (path) => {
    expect(readProxyPath(`http://bff.test/api/proxy/${path}`)).toBeNull()
  })

  it.each(['http://bff.test/api/proxy/goals\u0000', 'http://bff.test/api/proxy/go\nals', 'http://bff.test/api/dotnet', 'http://bff.test/api/proxy', 'http://bff.test/api/proxy/goals#x'])(
    'refuses %j',
    (url) => expect(readProxyPath(url)).toBeNull(),
  )
})

describe('findProxyRoute', () => {
  it.each([
    [['goals'], ['GET', 'POST']],
    [['goals', id], ['GET', 'PUT', 'PATCH', 'DELETE']],
    [['goals', id.toUpperCase()], ['GET', 'PUT', 'PATCH', 'DELETE']],
    [['users', 'me'], ['GET']],
  ])('allows %j', (segments, methods) => expect(findProxyRoute(segments)?.methods).toEqual(methods))

  it.each([[['auth', 'login']], [['auth', 'refresh']], [['goals', 'not-a-uuid']], [['users', 'me', 'x']], [['swagger', 'v1', 'swagger']]])(
    'refuses %j',
    (segments) => expect(findProxyRoute(segments)).toBeUndefined(),
  )
})

describe('the route, in front of the mock API', () => {
  let api: RunningServer
  let arrivals: Arrival[]
  let token: string
  let route: ProxyRoute

  beforeAll(async () => {
    ;({ server: api, arrivals, token } = await startSpiedApi())
    process.env.DOTNET_API_URL = api.url
    route = await importProxyRoute()
  })
  afterAll(() => api.close())

  beforeEach(() => {
    arrivals.length = 0
  })

  it.each(attacks.flatMap((path) => ['GET', 'POST'].map((method) => [method, path])))('%s api/proxy/%s never reaches the API', async (method, path) => {
    const request = proxyRequest(path, { method, token, headers: { ...CSRF, 'content-type': 'application/json' }, body: method === 'GET' ? null : '{}' })
    const response = await send(route, request)
    expect([400, 404]).toContain(response.status)
    await expectProblem(response, response.status)
    expect(arrivals).toHaveLength(0)
  })

  it('forwards a dot segment the URL parser resolved inside the proxy as the plain path', async () => {
    const response = await send(route, proxyRequest('users/./me', { token }))
    expect(response.status).toBe(200)
    expect(arrivals.map((a) => a.path)).toEqual(['/api/users/me'])
  })
})
