import { ANTI_FORGERY_HEADER } from './anti-forgery-header'
import { problem } from './problem'

/**
 * A cross-site form cannot add a custom header, and a cross-site `fetch` that
 * adds one needs a CORS preflight this site never approves. So requiring
 * `X-CSRF: 1` on every mutating BFF route blocks CSRF even where SameSite=Lax
 * does not (same-site subdomains, older browsers). Duende BFF does the same.
 * Returns a 403 response to send, or null when the request may proceed.
 */
export function rejectWithoutAntiForgery(request: Request) {
  if (request.headers.get(ANTI_FORGERY_HEADER) === '1') return null
  return problem({
    status: 403,
    title: 'Missing anti-forgery header',
    detail: `Mutating requests must carry the header "${ANTI_FORGERY_HEADER}: 1".`,
  })
}
