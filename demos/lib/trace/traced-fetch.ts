import 'server-only'
import { dotnetApiUrl } from '@/demos/lib/api/api-config'
import { MAX_CAPTURE_BYTES, now, readCapped, recordHop, REQUEST_HEADERS, RESPONSE_HEADERS } from './record-hop'
import { pickHeaders, redactBody } from './redact'
import { currentTrace, type TraceContext } from './trace-context'
import { getTraceStore } from './trace-store'

// #region traced-fetch
/**
 * `fetch` for the BFF→API hop. Untraced (no inspector open), it is `fetch`
 * after one lookup. Traced, it records the hop, redacted, and tells the store
 * which flow the request id belongs to, so the API's own record joins it.
 */
export async function tracedFetch(input: string | Request, init?: RequestInit): Promise<Response> {
  const trace = await currentTrace()
  if (!trace) return fetch(input, init)
  const request = input instanceof Request ? input : null
  const headers = request?.headers ?? new Headers(init?.headers)
  const requestId = headers.get('x-request-id') ?? undefined
  const store = getTraceStore()
  const joined = requestId !== undefined && store.expect(requestId, { session: trace.session, flowId: trace.flowId })
  // Bodies only off the proxy's hot path: the proxy streams, and a stream is not read twice.
  const requestBody = request && trace.source !== 'proxy-route' ? readCapped(request.clone().body) : null
  const start = now()
  let response: Response | undefined
  try {
    response = await fetch(input, init)
    return response
  } finally {
    if (joined) store.settle(requestId)
    const finished = now()
    void record(trace, { url: request?.url ?? String(input), method: request?.method ?? init?.method ?? 'GET', headers, requestId, start, finished, requestBody, response })
  }
}
// #endregion traced-fetch

type Exchange = {
  url: string
  method: string
  headers: Headers
  requestId?: string
  start: number
  finished: number
  requestBody: Promise<string | null> | null
  response?: Response
}

async function record(trace: TraceContext, { url, method, headers, requestId, start, finished, requestBody, response }: Exchange) {
  const captureResponse = response && trace.source !== 'proxy-route' && Number(response.headers.get('content-length') ?? 0) <= MAX_CAPTURE_BYTES
  const [sent, received] = await Promise.all([requestBody, captureResponse ? readCapped(response.clone().body) : null])
  recordHop(trace.session, {
    flowId: trace.flowId,
    requestId,
    source: trace.source,
    page: trace.page,
    from: 'bff',
    to: 'api',
    method,
    path: apiPath(url),
    status: response?.status ?? 0,
    start,
    durationMs: finished - start,
    requestHeaders: pickHeaders(headers, REQUEST_HEADERS),
    responseHeaders: response ? pickHeaders(response.headers, RESPONSE_HEADERS) : [],
    requestBody: sent ? redactBody(sent, headers.get('content-type')) : undefined,
    responseBody: received && response ? redactBody(received, response.headers.get('content-type')) : undefined,
  })
}

/** The path as the API names it (`/api/goals`), without the base URL's own path (`/dotnet`). */
function apiPath(url: string): string {
  const target = new URL(url)
  const base = new URL(dotnetApiUrl()).pathname.replace(/\/+$/, '')
  const path = base && target.pathname.startsWith(`${base}/`) ? target.pathname.slice(base.length) : target.pathname
  return path + target.search
}
