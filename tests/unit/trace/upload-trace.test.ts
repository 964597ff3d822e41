import { beforeAll, describe, expect, it } from 'vitest'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { pickHeaders, redactBody } from '@/site/lib/trace/redact'
import { traceApi } from '@/site/lib/trace/trace-api'
import { getTraceStore } from '@/site/lib/trace/trace-store'
import type { TraceEvent } from '@/site/lib/trace/trace-types'

// Workflow E in the wire inspector: the grant's token is redacted wherever it
// could appear, and the browser's direct upload joins the trace of the visitor
// whose BFF call asked for the grant, though it carries no request id or cookie.

const origin = 'http://127.0.0.1:3000'
const api = createDotnetApi({ config: { jwtSigningKey: 'upload-trace-unit-test-signing-key-32!!', publicUrl: `${origin}/dotnet`, allowedOrigin: 'http://localhost:3000' } })
const handle = traceApi((request) => api.handle(request, { basePath: '/dotnet' }), '/dotnet')
const png = () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

let token: string
let goalId: string

beforeAll(async () => {
  const login = await handle(new Request(`${origin}/dotnet/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: 'demo-password' }),
  }))
  token = ((await login.json()) as { accessToken: string }).accessToken
  const goals = await handle(new Request(`${origin}/dotnet/api/goals`, { headers: { authorization: `Bearer ${token}` } }))
  goalId = ((await goals.json()) as { items: { id: string }[] }).items[0].id
})

/** A grant as the BFF asks for it; traced when the request id was registered for a session. */
async function grant(requestId: string) {
  const response = await handle(new Request(`${origin}/dotnet/api/goals/${goalId}/attachments/grants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ fileName: 'plan.png', size: png().byteLength, contentType: 'image/png' }),
  }))
  expect(response.status).toBe(201)
  return (await response.json()) as { uploadUrl: string; uploadToken: string }
}

/** The browser's PUT, from the site's origin, with no cookie and no request id. */
function upload(uploadUrl: string, uploadToken: string) {
  return handle(new Request(uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': 'image/png', 'x-upload-token': uploadToken, origin: 'http://localhost:3000' },
    body: png(),
  }))
}

async function tracedSession() {
  const session = crypto.randomUUID()
  await getTraceStore().open(session)
  const requestId = crypto.randomUUID()
  await getTraceStore().expect(requestId, { session, flowId: crypto.randomUUID() })
  return { session, requestId, events: async (): Promise<TraceEvent[]> => (await getTraceStore().read(session))?.events ?? [] }
}

describe('the upload token in the inspector', () => {
  it('is redacted in a grant body and in the X-Upload-Token header', () => {
    const secret = 'k'.repeat(43)
    const body = JSON.stringify({ uploadUrl: `${origin}/dotnet/api/uploads`, uploadToken: secret, expiresAt: '2026-01-01T12:05:00.000Z' })
    expect(JSON.parse(redactBody(body, 'application/json'))).toEqual({
      uploadUrl: `${origin}/dotnet/api/uploads`,
      uploadToken: '[redacted, 43 chars]',
      expiresAt: '2026-01-01T12:05:00.000Z',
    })
    const picked = pickHeaders(new Headers({ 'x-upload-token': secret, 'content-type': 'image/png' }), ['content-type', 'x-upload-token'])
    expect(picked).toEqual([['content-type', 'image/png'], ['x-upload-token', '[redacted, 43 chars]']])
  })

  it('records the direct upload of a traced grant as browser → API, once, with the token redacted', async () => {
    const traced = await tracedSession()
    const { uploadUrl, uploadToken } = await grant(traced.requestId)
    expect((await upload(uploadUrl, uploadToken)).status).toBe(201)
    // The token is single-use: a replay is refused, and not recorded as the visitor's upload.
    expect((await upload(uploadUrl, uploadToken)).status).toBe(403)

    const events = await traced.events()
    expect(events.map((e) => `${e.from}→${e.to} ${e.method} ${e.path} ${e.status}`)).toEqual([
      `api→api POST /api/goals/${goalId}/attachments/grants 201`,
      'browser→api PUT /api/uploads 201',
    ])
    const put = events[1]
    expect(new Map(put.requestHeaders).get('x-upload-token')).toBe(`[redacted, ${uploadToken.length} chars]`)
    expect(new Map(put.requestHeaders).get('origin')).toBe('http://localhost:3000')
    expect(new Map(put.responseHeaders).get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(put.flowId).not.toBe(events[0].flowId)
    expect(JSON.stringify(events)).not.toContain(uploadToken)
  })

  it('records nothing of an upload whose grant no traced visitor asked for', async () => {
    const traced = await tracedSession()
    const { uploadUrl, uploadToken } = await grant(crypto.randomUUID())
    expect((await upload(uploadUrl, uploadToken)).status).toBe(201)
    expect(await traced.events()).toEqual([])
  })
})
