import 'server-only'
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

/** What the proxy reads from the API's answer: a Response-like view of a node:http response. */
export type UpstreamAnswer = {
  status: number
  url: string
  headers: Pick<Headers, 'get' | 'getSetCookie'>
  body: ReadableStream<Uint8Array> | null
}

export type UpstreamRequest = {
  method: string
  headers: Headers
  body: ReadableStream<Uint8Array> | null
  /** The browser left: stop the call. */
  signal: AbortSignal
  /** Covers the whole exchange, the response body included. */
  timeoutMs: number
}

export class UpstreamTimeoutError extends Error {}
export class UpstreamAbortedError extends Error {}
class StaleConnectionError extends Error {}

// Persistent connections to the API, shared by every proxied request: a new
// TCP connection per call would cost more than the rest of the hop (see the
// Measured page, content/measured.mdx).
// An idle connection is closed after 4 s, before the API would close it (Node's
// servers do at 5 s), so a request rarely lands on a socket being closed.
const keepAlive = { keepAlive: true, timeout: 4_000 }
const agents = { 'http:': new HttpAgent(keepAlive), 'https:': new HttpsAgent(keepAlive) }
// Statuses whose responses must not have a body, or `new Response` throws.
const NULL_BODY = new Set([204, 205, 304])

// #region request-upstream
/**
 * One call to the API over node:http, not fetch: it skips Next's patched fetch
 * and undici's WHATWG layers, never asks for compression (zlib both ways on a
 * loopback or in-cluster hop costs more than it saves), follows no redirect,
 * and streams both bodies with backpressure.
 */
export async function requestUpstream(url: string, request: UpstreamRequest): Promise<UpstreamAnswer> {
  try {
    return await attempt(url, request)
  } catch (error) {
    // A kept-alive connection the API closed while idle fails on reuse before
    // the API saw anything: a request without a body goes once more, on a new one.
    if (!(error instanceof StaleConnectionError)) throw error
    if (request.body) throw error.cause
    try {
      return await attempt(url, request)
    } catch (again) {
      throw again instanceof StaleConnectionError ? again.cause : again
    }
  }
}

function attempt(url: string, { method, headers, body, signal, timeoutMs }: UpstreamRequest): Promise<UpstreamAnswer> {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(target, { method, headers: Object.fromEntries(headers), agent: agents[target.protocol as keyof typeof agents] })
    const timer = setTimeout(() => req.destroy(new UpstreamTimeoutError(`No answer within ${timeoutMs} ms`)), timeoutMs)
    const onAbort = () => req.destroy(new UpstreamAbortedError('The browser went away'))
    signal.addEventListener('abort', onAbort, { once: true })
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
    let answered = false
    req.once('error', (error: NodeJS.ErrnoException) => {
      done()
      const stale = req.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
      reject(stale ? new StaleConnectionError('Kept-alive connection closed by the API', { cause: error }) : error)
    })
    req.once('response', (res) => {
      answered = true
      const status = res.statusCode ?? 502
      const answer = { status, url, headers: { get: (name: string) => headerValue(res, name), getSetCookie: () => res.headers['set-cookie'] ?? [] } }
      if (NULL_BODY.has(status)) {
        res.resume()
        res.once('end', done)
        return resolve({ ...answer, body: null })
      }
      resolve({ ...answer, body: toWebStream(res, done) })
    })
    if (signal.aborted) return onAbort()
    if (!body) return void req.end()
    void pump(body, req)
  })
}
// #endregion request-upstream

function headerValue(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name]
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
}

// Writes the (already size-limited) request body, waiting for the socket when it is full.
async function pump(body: ReadableStream<Uint8Array>, req: import('node:http').ClientRequest) {
  const reader = body.getReader()
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!req.write(chunk.value)) await new Promise((resolve) => req.once('drain', resolve))
    }
    req.end()
  } catch (error) {
    // The byte counter refused the body, or the browser stopped sending it.
    req.destroy(error as Error)
  }
}

// A node stream as a web stream, pausing the socket while the reader is behind.
function toWebStream(res: IncomingMessage, done: () => void): ReadableStream<Uint8Array> {
  let settled = false
  const settle = () => {
    settled = true
    done()
  }
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        res.on('data', (chunk: Buffer) => {
          controller.enqueue(chunk)
          if ((controller.desiredSize ?? 0) <= 0) res.pause()
        })
        res.once('end', () => settled || (settle(), controller.close()))
        res.once('error', (error) => settled || (settle(), controller.error(error)))
        res.once('close', () => settled || (settle(), controller.error(new Error('The API closed the connection mid-body'))))
      },
      pull() {
        res.resume()
      },
      cancel() {
        settle()
        res.destroy()
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  )
}
