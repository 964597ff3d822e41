import 'server-only'
import type { NextRequest } from 'next/server'
import { bearerAuthorization } from '@/demos/lib/auth/bearer'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { API_TIMEOUT_MS, dotnetApiUrl } from '@/demos/lib/http/api-config'
import { problem } from '@/demos/lib/http/problem'
import { apiRequestHeaders } from './api-request-headers'
import { apiTransport } from './api-transport'
import { limitBodyStream } from './limit-body-stream'
import { findProxyRoute } from './proxy-allowlist'
import { toApiPath } from './proxy-paths'
import { proxyResponseHeaders } from './proxy-response-headers'
import { PROXY_MAX_QUERY_LENGTH, readProxyPath } from './read-proxy-path'
import { requestIdOf } from './request-id'
import { UpstreamAbortedError, UpstreamTimeoutError } from './request-upstream'

/** The API's default cap (DOTNET_MOCK_MAX_BODY_BYTES): refusing here saves the hop. */
export const PROXY_MAX_BODY_BYTES = 16 * 1024

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

// #region forward-to-api
/**
 * The browser's way to the .NET API. The browser sends its httpOnly cookies to
 * this same-origin route; the bearer token is attached here, on the server.
 */
export async function forwardToApi(request: NextRequest): Promise<Response> {
  const requestId = requestIdOf(request)
  const response = await answer(request, requestId)
  // 8. Every answer, the proxy's or the API's, belongs to one reader: no shared cache may keep it.
  response.headers.set('cache-control', 'private, no-store')
  response.headers.set('x-request-id', requestId)
  return response
}

async function answer(request: NextRequest, requestId: string): Promise<Response> {
  // 1. Read the path from the raw URL and refuse anything but plain segments.
  const path = readProxyPath(request.url)
  if (!path) return problem({ status: 400, title: 'Malformed proxy path', detail: 'The path must be plain API segments.' })
  if (path.search.length > PROXY_MAX_QUERY_LENGTH) return problem({ status: 414, title: 'URI Too Long', detail: `The query may be at most ${PROXY_MAX_QUERY_LENGTH} characters.` })

  // 2. Forward only allowlisted routes and methods.
  const route = findProxyRoute(path.segments)
  if (!route) return problem({ status: 404, title: 'Not Found', detail: 'The proxy does not forward this path.' })
  if (!route.methods.includes(request.method)) {
    return problem({ status: 405, title: 'Method Not Allowed' }, { Allow: route.methods.join(', ') })
  }

  // 3. A mutating request must prove it came from this site's own script.
  if (MUTATING.has(request.method)) {
    const forged = rejectWithoutAntiForgery(request)
    if (forged) return forged
  }

  // 4. Read the access token from the httpOnly cookie. No token, no call.
  const authorization = bearerAuthorization(request.cookies.get(ACCESS_COOKIE)?.value)
  if (!authorization) return problem({ status: 401, title: 'Not signed in', detail: 'Sign in again.' })

  // 5. Refuse a declared oversized body before reading a byte of it.
  if (Number(request.headers.get('content-length') ?? 0) > PROXY_MAX_BODY_BYTES) return tooLarge()

  // 6. Forward with fresh headers, streaming the body through a byte counter. The timeout
  //    covers the whole exchange, body included; the reader leaving cancels the call.
  const apiBaseUrl = dotnetApiUrl()
  const limit = limitBodyStream(PROXY_MAX_BODY_BYTES)
  const body = request.method === 'GET' ? null : request.body
  try {
    // node:http to the API, unless the app wrapped it at start-up (see api-transport.ts).
    const upstream = await apiTransport().upstream(apiBaseUrl + toApiPath(path.segments, path.search), {
      method: request.method,
      headers: apiRequestHeaders(request, authorization, requestId),
      body: body && body.pipeThrough(limit.stream),
      signal: request.signal,
      timeoutMs: API_TIMEOUT_MS,
    })

    // 7. Pass status and body through untouched, with only the headers the browser needs.
    return new Response(upstream.body, { status: upstream.status, headers: proxyResponseHeaders(upstream, apiBaseUrl) })
  } catch (error) {
    if (limit.exceeded()) return tooLarge()
    // The browser went away (TanStack Query cancels superseded fetches): nobody reads this answer.
    if (error instanceof UpstreamAbortedError) return new Response(null, { status: 499 })
    const timedOut = error instanceof UpstreamTimeoutError
    // The detail goes to the log with the request id; the browser gets only the problem.
    console.warn(`[bff proxy] ${requestId} ${timedOut ? 'timed out' : 'failed'}: ${String(error)}`)
    return timedOut
      ? problem({ status: 504, title: 'API timeout', detail: 'The API did not answer in time. Try again shortly.' })
      : problem({ status: 502, title: 'API unreachable', detail: 'The API could not be reached. Try again shortly.' })
  }
}
// #endregion forward-to-api

function tooLarge() {
  return problem({
    status: 413,
    title: 'Content Too Large',
    detail: `The request body must not exceed ${PROXY_MAX_BODY_BYTES} bytes.`,
  })
}
