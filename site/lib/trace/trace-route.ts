import 'server-only'
import { exchangeOf, MAX_CAPTURE_BYTES, now, readCapped, recordHop } from './record-hop'
import { redactBody } from './redact'
import { runTraced } from './trace-context'
import { isTraced } from './trace-store'
import { traceSessionOf } from './trace-session'
import type { TraceSource } from './trace-types'

type RouteHop = {
  /** What the wrapped handler is, named as the docs name it. */
  source?: Extract<TraceSource, 'route-handler' | 'proxy-route'>
  /** Whether its bodies may be copied: small JSON is worth showing; a stream is not read twice. */
  bodies?: boolean
}

// #region trace-route
/**
 * Wraps a route handler: the browser→BFF hop is recorded, and every API call
 * the handler makes joins the same flow. The handler's answer is returned as
 * it is; only a copy of a small body is read, and only for a traced visitor.
 * The route says what it is (`source`) and whether its bodies may be read.
 */
export function traceRoute<R extends Request>(handler: (request: R) => Promise<Response>, { source = 'route-handler', bodies = true }: RouteHop = {}) {
  return async function traced(request: R): Promise<Response> {
    const session = traceSessionOf(request)
    if (!session || !(await isTraced(session))) return runTraced(null, () => handler(request))

    const trace = { session, flowId: crypto.randomUUID(), source, bodies }
    const captureBodies = bodies && Number(request.headers.get('content-length') ?? 0) <= MAX_CAPTURE_BYTES
    const requestBody = captureBodies && request.body ? readCapped(request.clone().body) : null
    const start = now()
    const response = await runTraced(trace, () => handler(request))
    const exchange = exchangeOf(request, response, start)
    const responseBody = captureBodies && response.body ? readCapped(response.clone().body) : null

    void Promise.all([requestBody, responseBody]).then(([sent, received]) =>
      recordHop(session, {
        flowId: trace.flowId,
        source: trace.source,
        from: 'browser',
        to: 'bff',
        ...exchange,
        requestBody: sent ? redactBody(sent, request.headers.get('content-type')) : undefined,
        responseBody: received ? redactBody(received, response.headers.get('content-type')) : undefined,
      }),
    )
    return response
  }
}
// #endregion trace-route
