import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { PROXY_MAX_BODY_BYTES } from '@/demos/lib/proxy/forward-to-api'
import { CSRF, chunkedBody, expectProblem, importProxyRoute, proxyRequest, send, type ProxyRoute } from './proxy-test-kit'

// api-config.ts reads the timeout once, when first imported; hoisted above the imports below.
vi.hoisted(() => {
  process.env.DOTNET_API_TIMEOUT_MS = '500'
})

// The proxy in front of hand-written upstreams that misbehave on purpose. The
// token only has to look like a JWT: these upstreams do not check it.
const token = 'header.payload.signature'
const json = { ...CSRF, 'content-type': 'application/json' }
const servers: Server[] = []
let route: ProxyRoute

type Upstream = (req: IncomingMessage, res: ServerResponse) => void

/** Points the proxy at a node:http server that answers with `handle`. */
async function useUpstream(handle: Upstream) {
  const server = createServer(handle)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.DOTNET_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  route = await importProxyRoute()
})
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
})

describe('response headers', () => {
  it('drops Set-Cookie and hop-by-hop headers, keeps the ones the browser needs', async () => {
    await useUpstream((_, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        ETag: '"v7"',
        'Retry-After': '3',
        'Set-Cookie': ['session=api-session; Path=/', 'other=1'],
        Connection: 'keep-alive, x-internal',
        'Keep-Alive': 'timeout=5',
        'X-Internal': 'secret',
        Trailer: 'x-checksum',
        Upgrade: 'h2c',
        'Proxy-Authenticate': 'Basic',
        'Proxy-Connection': 'keep-alive',
        'Cache-Control': 'public, max-age=600',
      })
      res.end('{"ok":true}')
    })
    const response = await send(route, proxyRequest('goals', { token }))
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie()).toEqual([])
    for (const name of ['set-cookie', 'connection', 'keep-alive', 'x-internal', 'trailer', 'upgrade', 'proxy-authenticate', 'proxy-connection', 'transfer-encoding']) {
      expect(response.headers.has(name), name).toBe(false)
    }
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'content-type': 'application/json', etag: '"v7"', 'retry-after': '3' })
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(await response.json()).toEqual({ ok: true })
  })

  it("rewrites a Location on the API's internal host name to the proxy path", async () => {
    await useUpstream((_, res) => res.writeHead(201, { Location: 'http://api.internal:8080/api/goals/abc?x=1' }).end())
    const response = await send(route, proxyRequest('goals', { method: 'POST', token, headers: json, body: '{}' }))
    expect(response.headers.get('location')).toBe('/api/proxy/goals/abc?x=1')
  })

  it('drops a Location that points away from the API', async () => {
    await useUpstream((_, res) => res.writeHead(302, { Location: 'https://evil.example/phish' }).end())
    const response = await send(route, proxyRequest('goals', { token }))
    expect(response.status).toBe(302)
    expect(response.headers.has('location')).toBe(false)
  })
})

describe('the hop itself (bench/: what made the proxy fast)', () => {
  it('never asks the API for compression, and reuses one connection', async () => {
    const seen: { encoding: string | undefined; socket: number }[] = []
    const sockets = new Map<unknown, number>()
    await useUpstream((req, res) => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, sockets.size)
      seen.push({ encoding: req.headers['accept-encoding'], socket: sockets.get(req.socket)! })
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    })
    for (let i = 0; i < 3; i++) expect((await send(route, proxyRequest('goals', { token }))).status).toBe(200)
    expect(seen).toEqual([0, 0, 0].map((socket) => ({ encoding: undefined, socket })))
  })

  it('sends a bodyless request again on a new connection when the API closed the kept-alive one, but never a body', async () => {
    const sockets = new Set<unknown>()
    await useUpstream((req, res) => {
      // Every request after the first on a connection: hang up, as an API closing an idle socket does.
      if (sockets.has(req.socket)) return req.socket.destroy()
      sockets.add(req.socket)
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    })
    expect((await send(route, proxyRequest('goals', { token }))).status).toBe(200)
    expect((await send(route, proxyRequest('goals', { token }))).status).toBe(200)
    expect(sockets.size).toBe(2)
    const post = await send(route, proxyRequest('goals', { method: 'POST', token, headers: json, body: '{"title":"once"}' }))
    await expectProblem(post, 502)
  })

  it('passes a body the API compressed anyway through untouched, with its Content-Encoding', async () => {
    await useUpstream((_, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(gzipSync('{"zipped":true}')))
    const response = await send(route, proxyRequest('goals', { token }))
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString())).toEqual({ zipped: true })
  })
})

describe('bodies', () => {
  it('streams a large response through without waiting for its end', async () => {
    let finish = () => {}
    await useUpstream((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('[' + '"x",'.repeat(100_000))
      finish = () => res.end('"end"]')
    })
    const response = await send(route, proxyRequest('goals', { token }))
    const reader = response.body!.getReader()
    // The first bytes arrive while the upstream is still holding back its end.
    let text = new TextDecoder().decode((await reader.read()).value)
    expect(text.startsWith('["x",')).toBe(true)
    finish()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value)
    expect(JSON.parse(text)).toHaveLength(100_001)
  })

  it('streams the request body to the API as it arrives', async () => {
    let received = 0
    await useUpstream((req, res) => {
      req.on('data', (chunk: Buffer) => (received += chunk.byteLength))
      req.on('end', () => res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ received, chunked: req.headers['transfer-encoding'] })))
    })
    const response = await send(route, proxyRequest('goals', { method: 'POST', token, headers: json, body: chunkedBody(8, 1024) }))
    expect(await response.json()).toEqual({ received: 8 * 1024, chunked: 'chunked' })
  })

  it('answers 413 to a declared oversized body without calling the API', async () => {
    let called = false
    await useUpstream((_, res) => ((called = true), res.end()))
    const body = 'x'.repeat(PROXY_MAX_BODY_BYTES + 1)
    const response = await send(route, proxyRequest('goals', { method: 'POST', token, headers: { ...json, 'content-length': String(body.length) }, body }))
    await expectProblem(response, 413)
    expect(called).toBe(false)
  })

  it('answers 413 when a chunked body grows past the cap mid-stream, even if the API would accept it', async () => {
    await useUpstream((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(200).end('{}'))
    })
    const response = await send(route, proxyRequest('goals', { method: 'POST', token, headers: json, body: chunkedBody(20, 1024) }))
    expect((await expectProblem(response, 413)).title).toBe('Content Too Large')
  })
})

describe('an API that fails', () => {
  it('answers 502 when the API is unreachable', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    process.env.DOTNET_API_URL = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
    await new Promise((resolve) => closed.close(resolve))
    expect((await expectProblem(await send(route, proxyRequest('goals', { token })), 502)).title).toBe('API unreachable')
  })

  it('answers 502 when the API drops the connection', async () => {
    await useUpstream((req) => req.socket.destroy())
    await expectProblem(await send(route, proxyRequest('goals', { token })), 502)
  })

  it('answers 504 when the API does not answer in time', async () => {
    await useUpstream(() => {
      // Never answers: the proxy must give up on its own.
    })
    const started = Date.now()
    expect((await expectProblem(await send(route, proxyRequest('goals', { token })), 504)).title).toBe('API timeout')
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
