import { describe, expect, it, vi } from 'vitest'
import { createDemoControls, createDemoControlsStore, type DemoControlSettings } from '@/mocks/demo-controls-store'
import { redisDemoControlsEntries } from '@/mocks/redis-demo-controls-entries'
import { backends, createTestApi, testRedis, useBackend } from './mock-client'

const off: DemoControlSettings = { latencyMs: 0, failNextMutations: 0, failureRate: 0, down: false }

async function signedIn(config: Parameters<typeof createTestApi>[0] = {}) {
  const mock = createTestApi(config)
  const { accessToken: token } = await mock.register('reader@example.com')
  const controls = (body?: unknown) => mock.send(body === undefined ? 'GET' : 'PUT', '/api/demo/controls', { token, body })
  return { ...mock, token, controls }
}

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)
  const createStore = (options: Parameters<typeof createDemoControlsStore>[0]) =>
    backend === 'redis' ? createDemoControls(redisDemoControlsEntries(testRedis(), options.clock), options) : createDemoControlsStore(options)

  describe('demo controls expiry (instance clock)', () => {
    it('switch themselves off demoControlsSeconds after they were set', async () => {
      const mock = await signedIn({ demoControlsSeconds: 600 })
      const set = await (await mock.controls({ down: true })).json()
      expect(set.expiresAt).toBe(new Date(mock.now() + 600_000).toISOString())

      mock.advance(599)
      expect((await mock.send('GET', '/api/users/me', { token: mock.token })).status).toBe(503)

      mock.advance(1)
      expect((await mock.send('GET', '/api/users/me', { token: mock.token })).status).toBe(200)
      expect(await (await mock.controls()).json()).toEqual({ ...off, expiresAt: null })
    })

    it('restart the lifetime on every PUT, but not when a failing mutation counts down', async () => {
      // Short enough that the whole test fits in one access token's lifetime.
      const mock = await signedIn({ demoControlsSeconds: 300 })
      await mock.controls({ failNextMutations: 5 })
      mock.advance(200)
      const { expiresAt } = await (await mock.controls({ failNextMutations: 5 })).json()

      expect((await mock.send('POST', '/api/goals', { token: mock.token, body: { title: 'x' } })).status).toBe(500)
      const after = await (await mock.controls()).json()
      expect(after).toMatchObject({ failNextMutations: 4, expiresAt })

      mock.advance(299)
      expect((await mock.send('POST', '/api/goals', { token: mock.token, body: { title: 'x' } })).status).toBe(500)
      mock.advance(1)
      expect((await mock.send('POST', '/api/goals', { token: mock.token, body: { title: 'x' } })).status).toBe(201)
    })

    it('report nothing active once the last counted failure is used up', async () => {
      const mock = await signedIn()
      await mock.controls({ failNextMutations: 1 })
      expect((await mock.send('POST', '/api/goals', { token: mock.token, body: { title: 'x' } })).status).toBe(500)
      expect(await (await mock.controls()).json()).toEqual({ ...off, expiresAt: null })
    })
  })

  describe('demo controls store', () => {
    const mutation = () => new Request('http://api.test/api/goals', { method: 'POST' })

    it('fails the share of mutations its random draws say, and never a GET', async () => {
      let draw = 0.5
      const store = createStore({ lifetimeSeconds: 60, clock: () => 0, random: () => draw })
      await store.set('session', 'user', { ...off, failureRate: 0.3 })
      await expect(store.apply('session', mutation())).resolves.toBeUndefined()
      draw = 0.2
      await expect(store.apply('session', mutation())).rejects.toMatchObject({ status: 500 })
      await expect(store.apply('session', new Request('http://api.test/api/goals'))).resolves.toBeUndefined()
    })

    it('keeps sessions apart, even of one account, and forgets an evicted account', async () => {
      const store = createStore({ lifetimeSeconds: 60, clock: () => 0 })
      await store.set('session-a', 'user', { ...off, down: true })
      await expect(store.apply('session-b', mutation())).resolves.toBeUndefined()
      await expect(store.apply('session-a', mutation())).rejects.toMatchObject({ status: 503 })
      await store.dropUser('user')
      expect(await store.read('session-a')).toEqual({ ...off, expiresAt: null })
    })
  })

  describe('demo controls latency', () => {
    it('waits on a real timer and stops waiting when the caller hangs up', async () => {
      const mock = await signedIn()
      await mock.controls({ latencyMs: 5000 })
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})

      const hangUp = new AbortController()
      const request = new Request('http://api.test/api/goals', {
        headers: { authorization: `Bearer ${mock.token}` },
        signal: hangUp.signal,
      })
      const started = performance.now()
      setTimeout(() => hangUp.abort(), 50)
      const response = await mock.api.handle(request)

      expect(performance.now() - started).toBeLessThan(1000)
      expect(response.status).toBe(499)
      expect(error).not.toHaveBeenCalled()
      error.mockRestore()
    })
  })
})
