import { describe, expect, it, onTestFinished } from 'vitest'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { loadMockConfig, type MockConfig } from '@/mocks/mock-config'
import type { LoginResponse } from '@/mocks/schemas'
import { demoAccount } from '@/mocks/store'
import { createRedisUploadGrantStore } from '@/mocks/redis-upload-grant-store'
import { redisConfig, testRedis } from './mock-client'

// What only a shared store can get wrong: two mock instances on one Redis,
// as two processes behind a load balancer. Each has its own connection, so
// their requests interleave in Redis as two processes' would.

/** Two instances on one key prefix, with one signing key (JWT_SIGNING_KEY on both). */
function pair(config: Partial<MockConfig> = {}) {
  const shared = { jwtSigningKey: 'redis-pair-signing-key-of-32-chars!!', ...redisConfig(), ...config }
  const apis = [createDotnetApi({ config: shared }), createDotnetApi({ config: shared })]
  onTestFinished(() => Promise.all(apis.map((api) => api.close())).then(() => undefined))

  function send(instance: number, method: string, path: string, { body, token, address }: { body?: unknown; token?: string; address?: string } = {}) {
    const headers = new Headers()
    if (body !== undefined) headers.set('content-type', 'application/json')
    if (token) headers.set('authorization', `Bearer ${token}`)
    if (address) headers.set('x-forwarded-for', address)
    return apis[instance].handle(new Request(`http://api.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }))
  }
  async function signIn(instance: number, email: string = demoAccount.email, password: string = demoAccount.password) {
    const response = await send(instance, 'POST', '/api/auth/login', { body: { email, password } })
    expect(response.status).toBe(200)
    return (await response.json()) as LoginResponse
  }
  return { apis, send, signIn }
}

// Generous: several scrypt hashes per test on a busy machine, and the 503 case
// waits out the first connection's 5 s.
describe('two mock instances on one Redis', { timeout: 20_000 }, () => {
  it('share accounts and goals: registered on one, signed in and written on the other', async () => {
    const { send, signIn } = pair()
    expect((await send(0, 'POST', '/api/auth/register', { body: { name: 'A', email: 'shared@example.com', password: 'password-123' } })).status).toBe(201)
    const session = await signIn(1, 'shared@example.com', 'password-123')

    const created = await send(1, 'POST', '/api/goals', { token: session.accessToken, body: { title: 'Written on B' } })
    expect(created.status).toBe(201)
    const page = await (await send(0, 'GET', '/api/goals?pageSize=1', { token: session.accessToken })).json()
    expect(page.items[0].title).toBe('Written on B')
    // One email, one account, whichever instance is asked.
    expect((await send(1, 'POST', '/api/auth/register', { body: { name: 'B', email: 'shared@example.com', password: 'password-123' } })).status).toBe(409)
  })

  it('seed the demo account once, and share a signing key through Redis when none is configured', async () => {
    // As dotnet-api.ts builds the site's instance: from loadMockConfig, REDIS_URL set and JWT_SIGNING_KEY not.
    const { redisUrl, redisKeyPrefix } = redisConfig()
    const fromEnv = () => ({ ...loadMockConfig({ REDIS_URL: redisUrl }), redisKeyPrefix })
    const apis = [createDotnetApi({ config: fromEnv() }), createDotnetApi({ config: fromEnv() })]
    expect(apis[0].config.jwtSigningKey).not.toBe(apis[1].config.jwtSigningKey)
    onTestFinished(() => Promise.all(apis.map((api) => api.close())).then(() => undefined))
    await Promise.all(apis.map((api) => api.ready()))
    expect(await apis[1].context.store.countAccounts()).toBe(1)

    const login = new Request('http://api.test/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoAccount.email, password: demoAccount.password }),
    })
    const { accessToken } = (await (await apis[0].handle(login)).json()) as LoginResponse
    const me = await apis[1].handle(new Request('http://api.test/api/users/me', { headers: { authorization: `Bearer ${accessToken}` } }))
    expect(me.status).toBe(200)
  })

  it('rotate one token once: 20 parallel refreshes spread over both get one successor, and the family lives on', async () => {
    const { send, signIn } = pair()
    const session = await signIn(0)

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(i % 2, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
    const successors = new Set(((await Promise.all(responses.map((response) => response.json()))) as LoginResponse[]).map((body) => body.refreshToken))
    expect(successors.size).toBe(1)
    const [successor] = successors
    expect((await send(1, 'POST', '/api/auth/refresh', { body: { refreshToken: successor } })).status).toBe(200)
  })

  it('revoke the family on both when a spent token comes back after the overlap window', async () => {
    const { send, signIn } = pair({ refreshReuseOverlapSeconds: 0 })
    const session = await signIn(0)
    const rotated = (await (await send(0, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).json()) as LoginResponse

    expect((await send(1, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401)
    for (const instance of [0, 1]) expect((await send(instance, 'GET', '/api/users/me', { token: rotated.accessToken })).status).toBe(401)
    expect((await send(0, 'POST', '/api/auth/refresh', { body: { refreshToken: rotated.refreshToken } })).status).toBe(401)
  })

  it('count the login limit over both instances together', async () => {
    const { send } = pair({ loginFailuresPerClient: 4 })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const response = await send(i % 2, 'POST', '/api/auth/login', { body: { email: `nobody-${i}@example.com`, password: 'guess' }, address: '203.0.113.40' })
      statuses.push(response.status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429])
  })

  it('keep the account cap and the goal cap across both, evicting the flooding network first', async () => {
    // Registered accounts start with 30 goals, so two more fit.
    const { apis, send, signIn } = pair({ maxAccounts: 3, registrationsPerClient: 100, maxGoalsPerAccount: 32 })
    const register = (instance: number, email: string, address: string) =>
      send(instance, 'POST', '/api/auth/register', { body: { name: 'R', email, password: 'password-123' }, address })
    expect((await register(0, 'reader@example.com', '198.51.100.7')).status).toBe(201)
    for (let i = 0; i < 3; i++) expect((await register(i % 2, `flood-${i}@example.com`, '203.0.113.9')).status).toBe(201)
    expect(await apis[0].context.store.countAccounts()).toBe(3)
    expect(await apis[1].context.store.findByEmail('reader@example.com')).toBeDefined()

    // Six goal creates at the cap's edge, three on each instance: exactly the room left is taken.
    const reader = await signIn(0, 'reader@example.com', 'password-123')
    const creates = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(i % 2, 'POST', '/api/goals', { token: reader.accessToken, body: { title: `g${i}` } })),
    )
    expect(creates.filter((response) => response.status === 201)).toHaveLength(2)
    expect(creates.filter((response) => response.status === 409)).toHaveLength(4)
  })

  it('let one upload token through once, whichever instances its uploads reach', async () => {
    const prefix = redisConfig().redisKeyPrefix
    const [a, b] = [testRedis(prefix), testRedis(prefix)].map((redis) => createRedisUploadGrantStore(redis, { grantSeconds: 60, maxGrants: 10, clock: Date.now }))
    const { token } = await a.issue({ accountId: 'account', goalId: 'goal', fileName: 'a.png', size: 10, contentType: 'image/png' })

    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim(token)))
    expect(claims.filter((claim) => claim.ok)).toHaveLength(1)
    expect(claims.filter((claim) => !claim.ok && claim.reason === 'used')).toHaveLength(9)
  })

  it('answer 503 ProblemDetails, not 500, while Redis cannot be reached', async () => {
    const api = createDotnetApi({ config: { jwtSigningKey: 'redis-pair-signing-key-of-32-chars!!', redisUrl: 'redis://127.0.0.1:1', redisKeyPrefix: 'test:unreachable:' } })
    onTestFinished(() => api.close())
    const response = await api.handle(
      new Request('http://api.test/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: demoAccount.email, password: demoAccount.password }),
      }),
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    expect(response.headers.get('retry-after')).toBe('5')
  })
})

