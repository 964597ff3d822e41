import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

/** `peerAddress` is the TCP peer, which a Request cannot carry. */
type Handle = (request: Request, options: { peerAddress?: string }) => Promise<Response>

export interface RunningServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves a fetch-style `handle` over node:http, so the contract tests (and
 * anyone without Next running) can reach the mock at a real URL. Bodies stream
 * both ways; the body cap is enforced by `handle`, not here.
 */
export async function startHttpServer(handle: Handle, { host = '127.0.0.1', port = 0 } = {}): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void respond(handle, req, res)
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const { port: actualPort } = server.address() as AddressInfo
  return {
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

async function respond(handle: Handle, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Aborts the Request's signal when the client goes away before the answer is sent.
  const hangUp = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) hangUp.abort()
  })
  try {
    const response = await handle(toWebRequest(req, hangUp.signal), { peerAddress: req.socket.remoteAddress })
    res.statusCode = response.status
    response.headers.forEach((value, name) => res.setHeader(name, value))
    if (!response.body) return void res.end()
    const reader = response.body.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value)
    res.end()
  } catch {
    // `handle` never throws; this covers the socket going away mid-response.
    res.destroy()
  }
}

const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK'])

function toWebRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  const init = {
    // fetch's Request refuses CONNECT, TRACE and TRACK outright. Such a request
    // still gets its 405 (or 404) from the handlers, under a name none serves.
    method: forbiddenMethods.has(req.method ?? '') ? `X-${req.method}` : req.method,
    headers,
    // node:stream/web and the DOM lib declare ReadableStream separately; at runtime they are the same class.
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    // Required by undici for a streamed body; missing from the DOM lib's RequestInit.
    duplex: 'half',
    signal,
  }
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), init)
}
