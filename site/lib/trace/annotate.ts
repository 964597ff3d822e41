import type { TraceEvent, TraceNote } from './trace-types'

type Hop = Pick<TraceEvent, 'source' | 'from' | 'to' | 'method' | 'path' | 'status' | 'responseHeaders'>
type Rule = { when: (hop: Hop) => boolean; note: TraceNote; responseNote?: TraceNote }

const path = (hop: Hop) => hop.path.split('?')[0]
const is = (method: string, prefix: string) => (hop: Hop) => hop.method === method && path(hop).startsWith(prefix)
const toApi = (hop: Hop) => hop.from === 'bff' && hop.to === 'api'
const fromBrowser = (hop: Hop) => hop.from === 'browser'
const mutation = (hop: Hop) => hop.method !== 'GET'
const grant = (hop: Hop) => hop.method === 'POST' && path(hop).endsWith('/attachments/grants')

// #region annotations
/**
 * What each hop teaches, and where the docs explain it. First match wins.
 * tests/unit/trace/annotate.test.ts checks every link against the headings of the MDX files.
 */
export const RULES: Rule[] = [
  {
    when: (hop) => fromBrowser(hop) && is('POST', '/api/auth/login')(hop),
    note: { text: 'The route handler validates the form with the shared schema; the password goes no further than the BFF and the API.', href: '/workflows/login#2-the-route-handler' },
    responseNote: { text: 'The tokens go into httpOnly cookies; the body carries only the user.', href: '/workflows/login#4-the-cookies-and-why-each-flag' },
  },
  {
    when: (hop) => fromBrowser(hop) && is('POST', '/api/auth/register')(hop),
    note: { text: 'A private demo account: registered at the API, then signed in like any other.', href: '/workflows/login#2-the-route-handler' },
    responseNote: { text: 'The tokens go into httpOnly cookies; the body carries only the user.', href: '/workflows/login#4-the-cookies-and-why-each-flag' },
  },
  {
    when: (hop) => toApi(hop) && (is('POST', '/api/auth/login')(hop) || is('POST', '/api/auth/register')(hop)),
    note: { text: 'Server to server: the credentials are exchanged for tokens the browser never sees.', href: '/workflows/login#3-server-to-server-and-what-can-go-wrong' },
  },
  {
    when: (hop) => fromBrowser(hop) && is('POST', '/api/auth/logout')(hop),
    note: { text: 'Sign-out revokes the refresh token family at the API, then deletes both cookies.', href: '/workflows/login#7-signing-out' },
  },
  {
    when: (hop) => hop.source === 'proxy.ts' && fromBrowser(hop),
    note: { text: 'proxy.ts acted before anything rendered: a refresh, or a redirect to sign in.', href: '/token-refresh#1-proactive-proxyts-and-the-same-request-trap' },
  },
  {
    when: (hop) => fromBrowser(hop) && is('POST', '/api/auth/refresh')(hop),
    note: { text: 'The browser’s reactive refresh: one call for every request that failed with 401.', href: '/token-refresh#2-reactive-one-refresh-for-every-request-that-failed' },
  },
  {
    when: (hop) => toApi(hop) && is('POST', '/api/auth/refresh')(hop),
    note: { text: 'The refresh token is exchanged for a new pair; the old one is now spent.', href: '/refresh-token-rotation#rotation-and-reuse-detection' },
  },
  {
    when: (hop) => toApi(hop) && is('POST', '/api/auth/logout')(hop),
    note: { text: 'The API revokes the whole token family.', href: '/workflows/login#7-signing-out' },
  },
  {
    when: (hop) => toApi(hop) && hop.source === 'server-action',
    note: { text: 'A Server Action re-verified the session and called the API server to server.', href: '/workflows/mutations#3-the-server-action-alternative' },
  },
  {
    when: (hop) => toApi(hop) && is('GET', '/api/users/me')(hop),
    note: { text: 'The Data Access Layer asks the API whether the token is good: the real check.', href: '/workflows/login#6-reading-the-session-proxyts-and-the-data-access-layer' },
  },
  {
    when: (hop) => toApi(hop) && hop.source === 'server-component',
    note: { text: 'A Server Component calls the API directly, with the bearer token from the cookie: no browser request.', href: '/workflows/server-fetch#1-the-page-is-a-server-component' },
  },
  // Workflow E. Until its page exists these point to what the inspector shows of them.
  {
    when: (hop) => fromBrowser(hop) && hop.source === 'proxy-route' && grant(hop),
    note: { text: 'The page asks the BFF for an upload grant: same-origin, with X-CSRF, and only the file’s name, size and type.', href: '/workflows/large-files#1-the-grant-through-the-bff' },
  },
  {
    when: (hop) => toApi(hop) && grant(hop),
    note: { text: 'Server to server, with the user’s access token: the API answers an upload URL and a single-use token (redacted here).', href: '/workflows/large-files#1-the-grant-through-the-bff' },
  },
  {
    when: (hop) => fromBrowser(hop) && hop.to === 'api',
    note: { text: 'The file goes straight from the browser to the API with the grant’s token; its bytes never pass through the BFF.', href: '/workflows/large-files#2-the-file-straight-to-the-api' },
  },
  {
    when: (hop) => fromBrowser(hop) && hop.source === 'proxy-route' && mutation(hop),
    note: { text: 'An optimistic mutation: the list changed before this request left.', href: '/workflows/mutations#2-optimistic-create' },
  },
  {
    when: (hop) => fromBrowser(hop) && hop.source === 'proxy-route',
    note: { text: 'The browser’s typed client calls the same-origin proxy with its cookies, never a token.', href: '/workflows/pagination#3-the-browsers-typed-client-through-the-proxy' },
  },
  {
    when: (hop) => toApi(hop) && hop.source === 'proxy-route',
    note: { text: 'The proxy checked the path and attached the bearer token from the httpOnly cookie.', href: '/workflows/pagination#4-the-proxy-is-a-security-boundary' },
  },
  {
    when: (hop) => hop.from === 'api',
    note: { text: 'The API’s own view of the request: it echoes the request id the BFF sent.', href: '/api-contract#serving-msw-handlers-over-http' },
  },
]
// #endregion annotations

const fallback: TraceNote = { text: 'How the inspector records each hop.', href: '/wire-inspector' }

export function annotate(hop: Hop): Pick<TraceEvent, 'note' | 'responseNote'> {
  const rule = RULES.find((candidate) => candidate.when(hop))
  if (!rule) return { note: fallback }
  // A refused token is worth its own pointer, whoever sent it.
  if (toApi(hop) && hop.status === 401) {
    return { note: rule.note, responseNote: { text: 'The API refused the token (JwtBearer 401).', href: '/token-refresh#2-reactive-one-refresh-for-every-request-that-failed' } }
  }
  return { note: rule.note, responseNote: rule.responseNote }
}
