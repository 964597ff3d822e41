import 'server-only'
import type { NextRequest } from 'next/server'
import { exchangeOf, now, recordHop } from './record-hop'
import { runTraced } from './trace-context'
import { isTraced } from './trace-store'
import { traceSessionOf } from './trace-session'

/**
 * Wraps proxy.ts. Its refresh call joins the visitor's trace, and when it acts
 * (refreshes, or redirects to sign in) that is recorded as a hop of its own.
 * When it only lets the request through, nothing is recorded: the render's
 * own API calls say all there is.
 */
export function traceProxy(proxy: (request: NextRequest) => Promise<Response>) {
  return async function tracedProxy(request: NextRequest): Promise<Response> {
    const session = traceSessionOf(request)
    if (!session || !(await isTraced(session))) return runTraced(null, () => proxy(request))

    const page = request.nextUrl.pathname + request.nextUrl.search
    const trace = { session, flowId: crypto.randomUUID(), source: 'proxy.ts', page, bodies: true } as const
    const start = now()
    const response = await runTraced(trace, () => proxy(request))
    const acted = response.headers.has('location') || response.headers.getSetCookie().length > 0
    if (acted) {
      void recordHop(session, {
        flowId: trace.flowId,
        source: trace.source,
        page,
        from: 'browser',
        to: 'bff',
        ...exchangeOf(request, response, start, page),
      })
    }
    return response
  }
}
