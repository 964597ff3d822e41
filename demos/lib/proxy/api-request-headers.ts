import 'server-only'
import { clientAddress } from '@/demos/lib/http/client-address'

// What the API needs to read the body, negotiate and revalidate. Nothing else
// crosses: above all not `Cookie` (it would hand the refresh token to the API)
// and not a browser-supplied `Authorization`.
const FORWARDED = ['content-type', 'accept', 'if-none-match'] as const

/** Fresh headers for the server-to-server hop, built from an allowlist; `authorization` is bearerAuthorization()'s. */
export function apiRequestHeaders(request: Request, authorization: string, requestId: string): Headers {
  const headers = new Headers()
  for (const name of FORWARDED) {
    const value = request.headers.get(name)
    if (value) headers.set(name, value)
  }
  headers.set('authorization', authorization)
  headers.set('x-request-id', requestId)
  // The API's per-address limits must see the browser, not this server.
  const address = clientAddress(request)
  if (address) headers.set('x-forwarded-for', address)
  return headers
}
