import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

// A body that starts and never ends: a slow-body (slowloris) client. The BFF's
// body reads give up at the deadline the proxy gives a whole exchange.
const DEADLINE_MS = 200
let readJsonBody: typeof import('@/demos/lib/http/read-json-body').readJsonBody
let routes: Record<string, (request: Request) => Promise<Response>>

beforeAll(async () => {
  // One source for the number: the proxy's API_TIMEOUT_MS, read when the module loads.
  process.env.DOTNET_API_TIMEOUT_MS = String(DEADLINE_MS)
  ;({ readJsonBody } = await import('@/demos/lib/http/read-json-body'))
  routes = {
    login: (await import('@/app/api/auth/login/route')).POST,
    register: (await import('@/app/api/auth/register/route')).POST,
  }
})

const open: ReadableStreamDefaultController<Uint8Array>[] = []
afterEach(() => {
  for (const controller of open.splice(0)) {
    try {
      controller.close()
    } catch {
      // Already closed: the reader cancelled it, as it should.
    }
  }
})

function neverEndingRequest(url = 'http://bff.test/api/auth/login') {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      open.push(controller)
      controller.enqueue(new TextEncoder().encode('{"email":"a@example.com",'))
    },
  })
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf': '1' }, body, duplex: 'half' } as RequestInit)
}

const stillReading = (ms: number) => new Promise<'still reading'>((resolve) => setTimeout(resolve, ms, 'still reading'))

describe('readJsonBody against a body that never finishes', () => {
  it('answers 408 ProblemDetails at the deadline instead of waiting for the client', async () => {
    const started = Date.now()
    const result = await Promise.race([readJsonBody(neverEndingRequest(), z.object({ email: z.string() })), stillReading(2_000)])
    expect(result).not.toBe('still reading')
    if (result === 'still reading' || result.ok) throw new Error('expected a refusal')
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(result.response.status).toBe(408)
    expect(result.response.headers.get('content-type')).toBe('application/problem+json')
    expect(await result.response.json()).toMatchObject({ status: 408, title: 'Request Timeout' })
  })

  it('still reads a complete body, and still refuses an oversized one while it streams', async () => {
    const ok = await readJsonBody(new Request('http://bff.test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@example.com"}' }), z.object({ email: z.string() }))
    expect(ok).toEqual({ ok: true, data: { email: 'a@example.com' } })
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        open.push(controller)
        controller.enqueue(new Uint8Array(20 * 1024).fill(0x20))
      },
    })
    const tooLarge = await readJsonBody(new Request('http://bff.test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big, duplex: 'half' } as RequestInit), z.unknown())
    expect(tooLarge.ok || tooLarge.response.status).toBe(413)
  })
})

describe('the BFF auth routes against a body that never finishes', () => {
  async function expire(name: string) {
    const result = await Promise.race([routes[name](neverEndingRequest(`http://bff.test/api/auth/${name}`)), stillReading(2_000)])
    expect(result, `${name} still reading`).not.toBe('still reading')
    expect((result as Response).status).toBe(408)
  }

  it('POST /api/auth/login answers 408 at the deadline', () => expire('login'))
  it('POST /api/auth/register answers 408 at the deadline', () => expire('register'))
})
