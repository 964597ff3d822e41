import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { JWT_IN_TEXT } from '@/demos/lib/auth/bearer'
import type { RunningServer } from '@/mocks/http-server'
import { CSRF, importProxyRoute, proxyRequest, send, startSpiedApi } from '../proxy/proxy-test-kit'

// Logs leave the process (files, log services, screenshots in tickets), so no
// token may ever be written to one. This drives the BFF through its success and
// failure paths while capturing every console call, then scans what was written.
// The product's own pattern: an alg:none token (empty signature) counts too.
const JWT_SHAPE = JWT_IN_TEXT
let api: RunningServer
let token: string
const written: string[] = []

beforeAll(async () => {
  ;({ server: api, token } = await startSpiedApi())
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack} ${String(arg.cause)}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
    })
  }
})

afterAll(async () => {
  vi.restoreAllMocks()
  await api.close()
})

describe('logging without tokens', () => {
  it('writes no token on the paths that log', async () => {
    process.env.DOTNET_API_URL = api.url
    const { POST: login } = await import('@/app/api/auth/login/route')
    const signIn = (password: string) =>
      login(new Request('http://bff.test/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CSRF },
        body: JSON.stringify({ email: 'demo@example.com', password }),
      }))
    const ok = await signIn('demo-password')
    const cookies = ok.headers.getSetCookie().map((c) => c.split(';')[0].split('=').slice(1).join('='))
    await signIn('wrong-password')

    const proxy = await importProxyRoute()
    await send(proxy, proxyRequest('goals?page=1', { token }))
    // The API unreachable: the proxy logs the failure with its request id.
    process.env.DOTNET_API_URL = 'http://127.0.0.1:9'
    await send(proxy, proxyRequest('goals', { token, method: 'POST', headers: { ...CSRF, 'content-type': 'application/json' }, body: '{"title":"x"}' }))

    expect(written.length).toBeGreaterThan(0)
    const log = written.join('\n')
    expect(log).not.toMatch(JWT_SHAPE)
    for (const secret of [token, ...cookies]) expect(log).not.toContain(secret)
  })
})
