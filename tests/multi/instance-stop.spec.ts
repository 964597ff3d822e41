import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
// @ts-expect-error -- a plain ES module script with JSDoc types; it has no declaration file
import { instanceEnv, startInstance } from '../../scripts/multi/start-instances.mjs'

type Instance = { url: string; stop: () => Promise<void>; log: () => string }

// A deploy stops an instance with SIGTERM while readers are mid-request. This
// instance is the test's own, started and stopped here; the two behind the
// balancer are left alone. Its state is in memory: only the stop is tested.
test('an instance told to stop finishes the request in progress, and takes no new connection', async () => {
  test.setTimeout(150_000)
  const instance: Instance = await startInstance('stopping', { ...instanceEnv(), SHUTDOWN_DRAIN_MS: '20000' })
  const api = (path: string, init: RequestInit = {}) => fetch(`${instance.url}/dotnet${path}`, init)
  try {
    // 1. An account on the instance's own mock API, whose demo controls hold
    //    each of its requests for 3 s: a slow request, on demand.
    const account = { name: 'Stop test', email: `stop-${randomUUID()}@example.com`, password: 'a-long-enough-password-1' }
    const json = { 'content-type': 'application/json' }
    expect((await api('/api/auth/register', { method: 'POST', headers: json, body: JSON.stringify(account) })).status).toBe(201)
    const login = await api('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email: account.email, password: account.password }) })
    expect(login.status).toBe(200)
    const bearer = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` }
    const controls = await api('/api/demo/controls', { method: 'PUT', headers: { ...bearer, ...json }, body: JSON.stringify({ latencyMs: 3000 }) })
    expect(controls.status).toBe(200)

    // 2. The slow request starts; half a second later, SIGTERM.
    const started = Date.now()
    const slow = api('/api/goals', { headers: bearer })
    await new Promise((resolve) => setTimeout(resolve, 500))
    const stopped = instance.stop()

    // 3. A new connection is refused at once, so a balancer sends it elsewhere.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(fetch(`${instance.url}/dotnet/swagger/v1/swagger.json`)).rejects.toThrow()

    // 4. The request in progress is answered in full, not cut off.
    const answer = await slow
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({ items: expect.any(Array), page: 1 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000)
    await stopped
    expect(instance.log()).toContain('SIGTERM: finishing the requests in progress')
  } finally {
    await instance.stop()
  }
})
