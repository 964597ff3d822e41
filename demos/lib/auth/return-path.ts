import { headers } from 'next/headers'
import { NextResponse, type NextRequest } from 'next/server'
import { DEFAULT_AFTER_LOGIN } from './safe-callback-url'

// #region return-path
/**
 * Where a sign-in comes back to. A Server Component is not told the URL it
 * renders for, so proxy.ts writes it on the request, replacing any value a
 * client sent; the DAL and the server client's 401 read it from there. It
 * only ever reaches `loginUrl`, which keeps it a same-origin path.
 */
export const RETURN_PATH_HEADER = 'x-bff-path'

/** proxy.ts: let the request through, telling the render where it is. */
export function renderWithReturnPath(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set(RETURN_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.next({ request: { headers } })
}

/** The page this request renders, as proxy.ts wrote it. */
export async function returnPath(): Promise<string> {
  return (await headers()).get(RETURN_PATH_HEADER) ?? DEFAULT_AFTER_LOGIN
}
// #endregion return-path
