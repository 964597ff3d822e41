import createClient, { type Middleware } from 'openapi-fetch'
import { loginUrl } from '@/demos/lib/auth/safe-callback-url'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { toProxyUrl } from '@/demos/lib/proxy/proxy-paths'
import type { paths } from './dotnet-api'
import { refreshOnUnauthorized } from './refresh-middleware'
import { createSessionRefresher, SESSION_CHANNEL, type SessionRefresher } from './session-refresher'

/**
 * The browser's typed client. It names the API's own paths, and each request
 * goes to this site's proxy route instead (`/api/goals` as `/api/proxy/goals`),
 * which adds the bearer token on the server: the browser sends only its cookies.
 */
const antiForgery: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') request.headers.set(ANTI_FORGERY_HEADER, '1')
    return request
  },
}

// Mapped at construction: copying a built Request would stream its body.
class ProxyRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? toProxyUrl(input) : input, init)
  }
}

// Made on first use, in the browser: the module is also evaluated while client components render on the server.
let refresher: SessionRefresher | undefined
function sessionRefresher() {
  return (refresher ??= createSessionRefresher({
    fetch: (input, init) => fetch(input, init),
    // Missing in insecure contexts (plain http:// other than localhost), and outside a browser.
    locks: globalThis.navigator?.locks,
    channel: typeof window === 'undefined' ? undefined : new BroadcastChannel(SESSION_CHANNEL),
    onSignedOut: () => window.location.assign(loginUrl(window.location.pathname + window.location.search)),
  }))
}

export const browserApi = createClient<paths>({ baseUrl: '', credentials: 'same-origin', Request: ProxyRequest })
// Last, so its copy of each request already carries the anti-forgery header.
browserApi.use(antiForgery, refreshOnUnauthorized(sessionRefresher))
