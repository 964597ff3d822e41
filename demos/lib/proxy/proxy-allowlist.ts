import 'server-only'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type ProxyRoute = { pattern: (string | RegExp)[]; methods: readonly string[] }

/**
 * The only API routes a browser may reach through the proxy. Sign-in, refresh
 * and logout go through the BFF's own routes, which keep the tokens out of the
 * browser; the OpenAPI document and anything added to the API later stay
 * unreachable until someone lists them here on purpose.
 */
const routes: ProxyRoute[] = [
  { pattern: ['goals'], methods: ['GET', 'POST'] },
  { pattern: ['goals', UUID], methods: ['GET', 'PUT', 'PATCH', 'DELETE'] },
  // Workflow E: the grant (a small JSON body), the list and the download. The
  // file itself never comes this way; it goes straight to the API's upload URL.
  { pattern: ['goals', UUID, 'attachments', 'grants'], methods: ['POST'] },
  { pattern: ['goals', UUID, 'attachments'], methods: ['GET'] },
  { pattern: ['goals', UUID, 'attachments', UUID], methods: ['GET'] },
  { pattern: ['users', 'me'], methods: ['GET'] },
]

/** The allowlisted route the segments match, with the methods it accepts. */
export function findProxyRoute(segments: string[]): { methods: readonly string[] } | undefined {
  return routes.find(
    ({ pattern }) =>
      pattern.length === segments.length &&
      pattern.every((part, i) => (typeof part === 'string' ? part === segments[i] : part.test(segments[i]))),
  )
}
