import 'server-only'
import { dotnetApiUrl } from '@/demos/lib/http/api-config'
import type { ApiTransport } from '@/demos/lib/proxy/api-transport'
import type { UpstreamAnswer, UpstreamRequest } from '@/demos/lib/proxy/request-upstream'
import { MAX_CAPTURE_BYTES, now, readCapped, recordHop, REQUEST_HEADERS, RESPONSE_HEADERS } from './record-hop'
import { pickHeaders, redactBody } from './redact'
import { currentTrace, type TraceContext } from './trace-context'
import { getTraceStore } from './trace-store'

/**
 * The reference app's transport to the API (demos/lib/proxy/api-transport.ts),
 * recording each call for a visitor whose inspector is open. Installed once,
 * at start-up, by instrumentation.ts; the app's clients never know.
 */
export function traceTransport(direct: ApiTransport): ApiTransport {
  return {
    fetch: (request, init) => tracedFetch(direct.fetch, request, init),
    upstream: (url, request) => tracedUpstream(direct.upstream, url, request),
  }
}

// #region traced-fetch
/**
 * `fetch` for the BFF→API hop. Untraced (no inspector open), it is `fetch`
 * after one lookup. Traced, it records the hop, redacted, and tells the store
 * which flow the request id belongs to, so the API's own record joins it.
 */
async function tracedFetch(send: ApiTransport['fetch'], request: Request, init?: RequestInit): Promise<Response> {
  const trace = await currentTrace()
  if (!trace) return send(request, init)
  // Bodies only where the wrapper of this flow allowed them: a streamed body is not read twice.
  const requestBody = trace.bodies ? readCapped(request.clone().body) : null
  return traceCall(trace, { url: request.url, method: request.method, headers: request.headers, requestBody }, () => send(request, init))
}
// #endregion traced-fetch

/** The proxy's node:http call to the API, recorded the same way; its streamed bodies are never read. */
async function tracedUpstream(send: ApiTransport['upstream'], url: string, request: UpstreamRequest): Promise<UpstreamAnswer> {
  const trace = await currentTrace()
  if (!trace) return send(url, request)
  return traceCall(trace, { url, method: request.method, headers: request.headers, requestBody: null }, () => send(url, request))
}

type Answer = Pick<Response, 'status' | 'headers' | 'clone'> | UpstreamAnswer
type Call = { url: string; method: string; headers: Headers; requestBody: Promise<string | null> | null }

async function traceCall<A extends Answer>(trace: TraceContext, call: Call, send: () => Promise<A>): Promise<A> {
  const requestId = call.headers.get('x-request-id') ?? undefined
  const store = getTraceStore()
  // A store that cannot be asked (Redis down) joins nothing; the call itself goes on.
  const joined = requestId !== undefined && (await store.expect(requestId, { session: trace.session, flowId: trace.flowId }).catch(() => false))
  const start = now()
  let response: A | undefined
  try {
    response = await send()
    return response
  } finally {
    if (joined) void store.settle(requestId).catch(() => {})
    const finished = now()
    void record(trace, { ...call, requestId, start, finished, response })
  }
}

type Exchange = Call & { requestId?: string; start: number; finished: number; response?: Answer }

async function record(trace: TraceContext, { url, method, headers, requestId, start, finished, requestBody, response }: Exchange) {
  // Only a fetch Response can be read twice; the proxy's streamed answer is never copied.
  const copy = response && 'clone' in response && trace.bodies && Number(response.headers.get('content-length') ?? 0) <= MAX_CAPTURE_BYTES
  const [sent, received] = await Promise.all([requestBody, copy ? readCapped(response.clone().body) : null])
  await recordHop(trace.session, {
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
