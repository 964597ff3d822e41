import 'server-only'
import { exchangeOf, now, pathOf, recordHop } from './record-hop'
import { getTraceStore } from './trace-store'

/**
 * Wraps the mock API's route: a request whose `x-request-id` the BFF
 * registered for a traced visitor is recorded as the API saw it. Any other
 * request (a test, curl, another visitor's untraced call) costs one lookup.
 * A real API at DOTNET_API_URL is not wrapped; the BFF's side of the hop still is.
 */
export function traceApi(handler: (request: Request) => Promise<Response>, basePath: string) {
  return async function tracedApi(request: Request): Promise<Response> {
    const requestId = request.headers.get('x-request-id')
    const flow = requestId ? getTraceStore().pendingFlow(requestId) : undefined
    if (!flow) return handler(request)

    const start = now()
    const response = await handler(request)
    recordHop(flow.session, {
      flowId: flow.flowId,
      requestId: requestId ?? undefined,
      source: 'api',
      from: 'api',
      to: 'api',
      ...exchangeOf(request, response, start, pathOf(request.url).slice(basePath.length)),
    })
    return response
  }
}
