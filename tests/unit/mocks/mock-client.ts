import { randomUUID } from 'node:crypto'
import { beforeEach, inject, onTestFinished } from 'vitest'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import type { MockConfig } from '@/mocks/mock-config'
import { createMockRedis, type MockRedis } from '@/mocks/redis-client'
import type { LoginResponse } from '@/mocks/schemas'

const start = Date.UTC(2025, 0, 15, 12, 0, 0)

/** Where a test mock keeps its state: the same tests run against both (describe.each(backends)). */
export type Backend = 'memory' | 'redis'
export const backends: Backend[] = ['memory', 'redis']

let currentBackend: Backend = 'memory'

/** Inside describe.each(backends): every createTestApi of the block uses that backend. */
export function useBackend(backend: Backend): void {
  beforeEach(() => {
    currentBackend = backend
    return () => {
      currentBackend = 'memory'
    }
  })
}

/** The run's Redis (tests/support/redis-global-setup.ts), under a prefix no other test shares. */
export function redisConfig(): Pick<MockConfig, 'redisUrl' | 'redisKeyPrefix'> {
  return { redisUrl: inject('redisUrl'), redisKeyPrefix: `test:mocks:${randomUUID()}:` }
}

/** A connection for a store tested on its own, closed when the test ends. */
export function testRedis(prefix = redisConfig().redisKeyPrefix): MockRedis {
  const redis = createMockRedis({ url: inject('redisUrl'), prefix })
  onTestFinished(() => redis.close())
  return redis
}

/** An isolated mock with a clock that only moves when the test says so. */
export function createTestApi(config: Partial<MockConfig> = {}, backend: Backend = currentBackend) {
  let now = start
  const storage = backend === 'redis' ? redisConfig() : {}
  const api = createDotnetApi({ config: { jwtSigningKey: 'unit-test-signing-key-of-32-chars!!', ...storage, ...config }, clock: () => now })
  if (backend === 'redis') onTestFinished(() => api.close())

  function send(method: string, path: string, { body, token, address }: { body?: unknown; token?: string; address?: string } = {}) {
    const headers = new Headers()
    if (body !== undefined) headers.set('content-type', 'application/json')
    if (token) headers.set('authorization', `Bearer ${token}`)
    if (address) headers.set('x-forwarded-for', address)
    return api.handle(new Request(`http://api.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }))
  }

  async function login(email: string, password: string, address?: string) {
    return send('POST', '/api/auth/login', { body: { email, password }, address })
  }

  /** Registers and signs in, both from `address` (X-Forwarded-For) when given. */
  async function register(email: string, password = 'password-123', address?: string) {
    const response = await send('POST', '/api/auth/register', { body: { name: 'Test', email, password }, address })
    if (response.status !== 201) throw new Error(`register failed: ${response.status}`)
    return (await (await login(email, password, address)).json()) as LoginResponse
  }

  return {
    api,
    send,
    login,
    register,
    advance: (seconds: number) => {
      now += seconds * 1000
    },
    now: () => now,
  }
}
