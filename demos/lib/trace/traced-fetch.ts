import 'server-only'
import { dotnetApiUrl } from '@/demos/lib/api/api-config'
import { requestUpstream, type UpstreamAnswer, type UpstreamRequest } from '@/demos/lib/proxy/request-upstream'
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
  // Bodies only off the proxy's hot path: the proxy streams, and a stream is not read twice.
  const requestBody = request && trace.source !== 'proxy-route' ? readCapped(request.clone().body) : null
  const url = request?.url ?? String(input)
  const method = request?.method ?? init?.method ?? 'GET'
  return traceCall(trace, { url, method, headers, requestBody }, () => fetch(input, init))
}
// #endregion traced-fetch

/** The proxy's node:http call to the API (request-upstream.ts), recorded the same way. */
export async function tracedUpstream(url: string, request: UpstreamRequest): Promise<UpstreamAnswer> {
  const trace = await currentTrace()
  if (!trace) return requestUpstream(url, request)
  return traceCall(trace, { url, method: request.method, headers: request.headers, requestBody: null }, () => requestUpstream(url, request))
}

type Answer = Pick<Response, 'status' | 'headers' | 'clone'> | UpstreamAnswer
type Call = { url: string; method: string; headers: Headers; requestBody: Promise<string | null> | null }

async function traceCall<A extends Answer>(trace: TraceContext, call: Call, send: () => Promise<A>): Promise<A> {
  const requestId = call.headers.get('x-request-id') ?? undefined
  const store = getTraceStore()
  const joined = requestId !== undefined && store.expect(requestId, { session: trace.session, flowId: trace.flowId })
  const start = now()
  let response: A | undefined
  try {
    response = await send()
    return response
  } finally {
    if (joined) store.settle(requestId)
    const finished = now()
    void record(trace, { ...call, requestId, start, finished, response })
  }
}

type Exchange = Call & { requestId?: string; start: number; finished: number; response?: Answer }

async function record(trace: TraceContext, { url, method, headers, requestId, start, finished, requestBody, response }: Exchange) {
  // Only a fetch Response can be read twice; the proxy's streamed answer is never copied.
  const copy = response && 'clone' in response && trace.source !== 'proxy-route' && Number(response.headers.get('content-length') ?? 0) <= MAX_CAPTURE_BYTES
  const [sent, received] = await Promise.all([requestBody, copy ? readCapped(response.clone().body) : null])
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
