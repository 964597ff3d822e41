import 'server-only'
import { requestUpstream } from './request-upstream'

// #region api-transport
/**
 * How the BFF reaches the API: `fetch` for the typed server client, and the
 * kept-alive node:http call for the catch-all proxy. Both ask here on every
 * call, so an app can wrap the transport once at start-up (logging, tracing,
 * metrics) without either client knowing. Unwrapped, it is those two calls.
 */
export type ApiTransport = {
  fetch: (request: Request, init?: RequestInit) => Promise<Response>
  upstream: typeof requestUpstream
}

const direct: ApiTransport = { fetch: (request, init) => fetch(request, init), upstream: requestUpstream }

// On globalThis: Next bundles route handlers, pages and proxy.ts apart, and
// each bundle has its own copy of this module.
const globalKey = Symbol.for('bff-jwt-reference.api-transport')
type GlobalWithTransport = typeof globalThis & { [globalKey]?: ApiTransport }

export function apiTransport(): ApiTransport {
  return (globalThis as GlobalWithTransport)[globalKey] ?? direct
}

/** For the app's start-up (instrumentation.ts): wraps the direct transport, once. */
export function wrapApiTransport(wrap: (direct: ApiTransport) => ApiTransport) {
  ;(globalThis as GlobalWithTransport)[globalKey] = wrap(direct)
}
// #endregion api-transport
