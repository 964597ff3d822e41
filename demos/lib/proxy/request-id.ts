import 'server-only'

const WELL_FORMED = /^[\w.:-]{1,128}$/

/**
 * The id that ties the browser's request to the API's log line. A caller's own
 * id is kept when it is short and plain, so it cannot smuggle anything into
 * the API's logs; otherwise the proxy makes one.
 */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get('x-request-id')
  return incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID()
}
