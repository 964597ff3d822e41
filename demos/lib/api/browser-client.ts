import createClient, { type Middleware } from 'openapi-fetch'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import type { paths } from './dotnet-api'

/**
 * The browser's typed client. Its base is this site's own proxy route, which
 * adds the bearer token on the server: the browser sends only its cookies.
 * Paths stay the API's own; `/api/goals` is fetched as `/api/proxy/goals`.
 */
const antiForgery: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') request.headers.set(ANTI_FORGERY_HEADER, '1')
    return request
  },
}

// The proxy maps /api/proxy/<rest> to the API's /api/<rest>. Fixed at construction: copying a built Request would stream its body.
class ProxyRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? input.replace('/api/proxy/api/', '/api/proxy/') : input, init)
  }
}

export const browserApi = createClient<paths>({ baseUrl: '/api/proxy', credentials: 'same-origin', Request: ProxyRequest })
browserApi.use(antiForgery)
