import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { UPLOAD_RELAY_ENV } from '@/site/lib/bench/relay-upload'
import { BENCH_SERVER_ENV } from '@/bench/bench-server'
import { CSRF, chunkedBody } from '../proxy/proxy-test-kit'
import { setUpGatedBenchRoute } from './set-up-gated-bench-route'

// The benchmark's relay route (app/api/bench/upload-relay), called directly in
// front of the mock .NET API on a real port; the spy records what the API received.
type Route = { PUT: (request: NextRequest) => Promise<Response> }
const bench = setUpGatedBenchRoute<Route>(() => import('@/app/api/bench/upload-relay/route'), UPLOAD_RELAY_ENV)

const png = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x42)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return bytes
}

function relayRequest(query: string, { body, headers = {}, signedIn = true }: { body: BodyInit; headers?: Record<string, string>; signedIn?: boolean }) {
  const all = new Headers({ 'content-type': 'image/png', ...headers })
  if (signedIn) all.append('cookie', `${ACCESS_COOKIE}=${bench.token}`)
  const init = { method: 'PUT', headers: all, body, duplex: 'half' as const }
  return new NextRequest(`http://bff.test/api/bench/upload-relay?${query}`, init)
}

async function newGoal(): Promise<string> {
  const response = await fetch(`${bench.api.url}/api/goals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bench.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Relay test' }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

describe('the upload relay', () => {
  it('does not exist unless the benchmark switched it on', async () => {
    delete process.env[UPLOAD_RELAY_ENV]
    const bytes = png(1024)
    const response = await bench.route.PUT(relayRequest(`goal=${await newGoal()}&name=a.png`, { body: bytes, headers: { ...CSRF, 'content-length': String(bytes.byteLength) } }))
    expect(response.status).toBe(404)
    expect(bench.arrivals.filter((a) => a.path.includes('attachments') || a.path.includes('uploads'))).toEqual([])
  })

  it('is switched on by the servers the benchmark starts', () => {
    expect(BENCH_SERVER_ENV).toMatchObject({ [UPLOAD_RELAY_ENV]: '1' })
  })

  it('gets a grant with the reader’s bench.token and streams the body on with the upload bench.token only', async () => {
    const goalId = await newGoal()
    bench.arrivals.length = 0
    const bytes = png(256 * 1024)
    const response = await bench.route.PUT(relayRequest(`goal=${goalId}&name=photo.png`, { body: bytes, headers: { ...CSRF, 'content-length': String(bytes.byteLength) } }))
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ fileName: 'photo.png', size: bytes.byteLength, contentType: 'image/png' })
    expect(bench.arrivals.map((a) => `${a.method} ${a.path}`)).toEqual([`POST /api/goals/${goalId}/attachments/grants`, 'PUT /api/uploads'])
    const [grant, upload] = bench.arrivals
    expect(grant.headers.get('authorization')).toBe(`Bearer ${bench.token}`)
    // The access bench.token never travels with the file, nor the cookie.
    expect(upload.headers.get('authorization')).toBeNull()
    expect(upload.headers.get('cookie')).toBeNull()
    expect(upload.headers.get('x-upload-token')).toMatch(/\S{32,}/)
  })

  it('passes the API’s refusal on: bytes that are not the declared type are a 415, and nothing is attached', async () => {
    const goalId = await newGoal()
    const bytes = new TextEncoder().encode('MZ not a picture at all')
    const response = await bench.route.PUT(relayRequest(`goal=${goalId}&name=setup.png`, { body: bytes, headers: { ...CSRF, 'content-length': String(bytes.byteLength) } }))
    expect(response.status).toBe(415)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    const listed = await fetch(`${bench.api.url}/api/goals/${goalId}/attachments`, { headers: { authorization: `Bearer ${bench.token}` } })
    expect(await listed.json()).toEqual([])
  })

  it('refuses, before any call to the API, a request without X-CSRF, without the cookie, without a length or without a goal', async () => {
    const goalId = await newGoal()
    bench.arrivals.length = 0
    const length = { 'content-length': '1024' }
    const cases: [NextRequest, number][] = [
      [relayRequest(`goal=${goalId}&name=a.png`, { body: png(1024), headers: length }), 403],
      [relayRequest(`goal=${goalId}&name=a.png`, { body: png(1024), headers: { ...CSRF, ...length }, signedIn: false }), 401],
      [relayRequest(`goal=${goalId}&name=a.png`, { body: chunkedBody(4, 256), headers: CSRF }), 411],
      [relayRequest(`goal=../users&name=a.png`, { body: png(1024), headers: { ...CSRF, ...length } }), 400],
      [relayRequest(`goal=${goalId}`, { body: png(1024), headers: { ...CSRF, ...length } }), 400],
    ]
    for (const [request, status] of cases) {
      const response = await bench.route.PUT(request)
      expect(response.status, request.url).toBe(status)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
    }
    expect(bench.arrivals).toEqual([])
  })
})
