import 'server-only'
import { PROXY_PREFIX } from './proxy-paths'

/**
 * The API's queries (page, pageSize, status) fit in a few dozen characters. A
 * longer one is refused with 414 rather than parsed and forwarded; Node itself
 * answers 431 once the request line and headers pass 16 KB.
 */
export const PROXY_MAX_QUERY_LENGTH = 2048

export type ProxyPath = { segments: string[]; search: string }

// RFC 3986 unreserved characters only, and never all dots. One rule refuses
// `%` (so %2e, %2f, %5c and every other encoding), `\`, `:`, `;`, `.` and
// `..`, instead of chasing a list of known tricks.
const SEGMENT = /^[A-Za-z0-9._~-]{1,128}$/
const DOTS = /^\.+$/
const UNSAFE_RAW = /[\u0000-\u001f\u007f\\]/
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i

/**
 * Reads the API path from the RAW request URL, not from Next's `params`:
 * Next decodes each segment, so `goals%2f..%2fauth%2flogin` arrives there as
 * one harmless-looking segment that becomes `goals/../auth/login` once it is
 * put back into a URL. Returns null for anything that is not a plain path.
 */
export function readProxyPath(rawUrl: string): ProxyPath | null {
  if (UNSAFE_RAW.test(rawUrl)) return null
  const afterOrigin = rawUrl.replace(ORIGIN, '')
  const queryStart = afterOrigin.search(/[?#]/)
  const pathname = queryStart === -1 ? afterOrigin : afterOrigin.slice(0, queryStart)
  const rest = queryStart === -1 ? '' : afterOrigin.slice(queryStart)
  // A fragment never reaches a server; one here means the URL was built oddly.
  if (rest.includes('#')) return null
  // Dot segments that a URL parser has already resolved can land outside the prefix.
  if (!pathname.startsWith(PROXY_PREFIX)) return null

  // Empty segments catch `//`, a leading `//host` and a trailing slash.
  const segments = pathname.slice(PROXY_PREFIX.length).split('/')
  if (!segments.every((segment) => SEGMENT.test(segment) && !DOTS.test(segment))) return null
  return { segments, search: rest }
}
