import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/mocks/http-server'
import { CSRF, expectProblem, importProxyRoute, proxyRequest, send, startSpiedApi, type Arrival, type ProxyRoute } from './proxy-test-kit'

// Workflow E's bearer side through the catch-all proxy: the grant (a mutation,
// so X-CSRF), the list, and the download, streamed with the headers that keep
// it a download. The file itself never comes this way.
let api: RunningServer
let arrivals: Arrival[]
let token: string
let route: ProxyRoute
let goalId: string

beforeAll(async () => {
  ;({ server: api, arrivals, token } = await startSpiedApi())
  process.env.DOTNET_API_URL = api.url
  route = await importProxyRoute()
  const page = await send(route, proxyRequest('goals?pageSize=1', { token }))
  goalId = ((await page.json()) as { items: { id: string }[] }).items[0].id
})
afterAll(() => api.close())

const json = { ...CSRF, 'content-type': 'application/json' }
const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i < 8 ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a][i] : i % 251))
const grantBody = JSON.stringify({ fileName: 'plan.png', size: bytes.byteLength, contentType: 'image/png' })

describe('attachments through the proxy', () => {
  it('refuses a grant request without X-CSRF before the API hears of it', async () => {
    arrivals.length = 0
    const request = proxyRequest(`goals/${goalId}/attachments/grants`, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: grantBody })
    await expectProblem(await send(route, request), 403)
    expect(arrivals).toEqual([])
  })

  it('relays a grant, never to be cached, then lists and downloads the file byte for byte', async () => {
    const granted = await send(route, proxyRequest(`goals/${goalId}/attachments/grants`, { method: 'POST', token, headers: json, body: grantBody }))
    expect(granted.status).toBe(201)
    expect(granted.headers.get('cache-control')).toBe('private, no-store')
    const { uploadUrl, uploadToken } = (await granted.json()) as { uploadUrl: string; uploadToken: string }
    expect(arrivals.at(-1)?.headers.get('authorization')).toBe(`Bearer ${token}`)

    // The browser's part, straight to the API: not through the proxy.
    const uploaded = await fetch(new URL(uploadUrl, api.url), { method: 'PUT', headers: { 'content-type': 'image/png', 'x-upload-token': uploadToken }, body: bytes })
    expect(uploaded.status).toBe(201)
    const { id } = (await uploaded.json()) as { id: string }

    const list = await send(route, proxyRequest(`goals/${goalId}/attachments`, { token }))
    expect(list.status).toBe(200)
    expect(await list.json()).toEqual([expect.objectContaining({ id, fileName: 'plan.png', size: bytes.byteLength, contentType: 'image/png' })])

    const download = await send(route, proxyRequest(`goals/${goalId}/attachments/${id}`, { token }))
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('image/png')
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="plan\.png"/)
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')
    expect(download.headers.get('cache-control')).toBe('private, no-store')
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes)
  })

  it('forwards no upload: the file goes to the API, never through the BFF', async () => {
    const response = await send(route, proxyRequest('uploads', { method: 'PUT', token, headers: { ...CSRF, 'content-type': 'image/png' }, body: bytes.slice(0, 10) }))
    await expectProblem(response, 404)
  })
})
