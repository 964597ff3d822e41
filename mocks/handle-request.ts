import { getResponse, type RequestHandler } from 'msw'
import { resolveClientAddress, resolvedClientHeader } from './client-address'
import { newTraceId, problem } from './problem-details'
import { isStoreUnavailable } from './store-unavailable'

/** Handlers see every request at this origin, whatever host and mount path the caller used. */
export const canonicalOrigin = 'http://dotnet-api.mock'

export interface HandleOptions {
  /** The path the API is mounted under, e.g. `/dotnet` in the Next app. */
  basePath?: string
  /** The TCP peer, as the server saw it; see client-address.ts. */
  peerAddress?: string
}

const tooLarge = Symbol('too large')

/**
 * The path the API is mounted under, as the handlers see it, for URLs they
 * hand out in a body (an upload grant's). Set here on every request, so a
 * client cannot send its own.
 */
export const mountPathHeader = 'x-mock-mount-path'

/**
 * Serves MSW handlers as a real HTTP API: mount path stripped, body capped,
 * unknown routes as 404 ProblemDetails, and no exception ever reaching the
 * client as anything but a 500 with a traceId.
 */
export function createRequestHandler({
  handlers,
  maxBodyBytes,
  knownProxies,
  streamedPaths = [],
}: {
  handlers: RequestHandler[]
  maxBodyBytes: number
  knownProxies: string[]
  /** Paths whose handler reads the body as a stream, within its own limits (the upload). */
  streamedPaths?: string[]
}) {
  return async function handle(request: Request, options: HandleOptions = {}): Promise<Response> {
    const response = await answer(request, options)
    // Tokens, accounts and goals: nothing under /api may be kept by a cache.
    if (new URL(request.url).pathname.startsWith(`${options.basePath ?? ''}/api/`)) setHeader(response, 'cache-control', 'no-store')
    return withRequestId(response, request.headers.get('x-request-id'))
  }

  async function answer(request: Request, { basePath = '', peerAddress }: HandleOptions): Promise<Response> {
    try {
      const publicUrl = new URL(request.url)
      const { pathname } = publicUrl
      if (basePath && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return problem(404)

      // fetch refuses a GET or HEAD Request with a body, so such a body is ignored, not forwarded.
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
      const innerPath = pathname.slice(basePath.length) || '/'
      const streamed = streamedPaths.includes(innerPath)
      const body = !hasBody ? null : streamed ? request.body : await readCappedBody(request, maxBodyBytes)
      if (body === tooLarge) {
        return problem(413, { detail: `The request body must not exceed ${maxBodyBytes} bytes.` })
      }

      const headers = new Headers(request.headers)
      // A streamed body keeps its declared length, which its handler checks before reading.
      for (const name of ['host', 'connection', 'transfer-encoding', ...(streamed ? [] : ['content-length'])]) headers.delete(name)
      headers.set(resolvedClientHeader, resolveClientAddress(request.headers, peerAddress, knownProxies))
      headers.set(mountPathHeader, basePath)
      const inner = new Request(new URL(innerPath + publicUrl.search, canonicalOrigin), {
        method: request.method,
        headers,
        body,
        // Required by undici for a streamed body; missing from the DOM lib's RequestInit.
        ...(streamed ? { duplex: 'half' } : {}),
        // So a handler that waits (demo-controls latency) stops when the caller hangs up.
        signal: request.signal,
      })

      const response = await getResponse(handlers, inner, { baseUrl: canonicalOrigin, quiet: true })
      if (!response) return problem(404, { detail: `No endpoint matches ${request.method} ${inner.url.slice(canonicalOrigin.length)}.` })
      return withMountedLocation(response, basePath)
    } catch (error) {
      // The caller hung up mid-request: not a fault, and nobody reads the answer.
      if (request.signal.aborted) return new Response(null, { status: 499, statusText: 'Client Closed Request' })
      // Redis (REDIS_URL) is down: the request was fine and will succeed once it is back.
      // Never answered from this process's memory instead, which would split the state between instances.
      if (isStoreUnavailable(error)) {
        return problem(503, { detail: 'The API cannot reach its store. Try again shortly.', headers: { 'Retry-After': '5' } })
      }
      // The client learns only the traceId; the log has the rest.
      const traceId = newTraceId()
      console.error(`[dotnet mock] unhandled error (traceId ${traceId})`, error)
      return problem(500, { traceId })
    }
  }
}

/**
 * Checks the declared length first so an honest oversized request is refused
 * unread, then counts the bytes actually received, because Content-Length can
 * be absent (chunked) or wrong.
 */
async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null | typeof tooLarge> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge
  if (!request.body) return null

  const chunks: Uint8Array[] = []
  let total = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return tooLarge
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Echoes the caller's request id, as ASP.NET Core services commonly do, so the
 * BFF's log line and the API's can be matched. Only a short plain id: the
 * header must not carry anything else back.
 */
function withRequestId(response: Response, requestId: string | null): Response {
  if (!requestId || !/^[\w.:-]{1,128}$/.test(requestId)) return response
  return setHeader(response, 'x-request-id', requestId)
}

function setHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value)
    return response
  } catch {
    // Headers of some responses (Response.redirect, Response.error) are immutable.
    const headers = new Headers(response.headers)
    headers.set(name, value)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}

/**
 * Handlers build Location against the canonical origin. The caller gets a
 * path under the mount point, as `TypedResults.Created("/api/goals/…")` gives
 * in ASP.NET Core: never a host or scheme taken from request headers
 * (Host, X-Forwarded-Proto), which a client writes.
 */
function withMountedLocation(response: Response, basePath: string): Response {
  const location = response.headers.get('location')
  if (!location?.startsWith(canonicalOrigin)) return response
  return setHeader(response, 'location', basePath + location.slice(canonicalOrigin.length))
}
