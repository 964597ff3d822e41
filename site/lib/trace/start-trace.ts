import 'server-only'
import { NextResponse, type NextRequest } from 'next/server'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { clientAddress } from '@/demos/lib/http/client-address'
import { problem } from '@/demos/lib/http/problem'
import { sharedStoreUnavailable } from '@/demos/lib/http/shared-store-unavailable'
import { RedisUnavailableError } from '@/demos/lib/redis/redis-unavailable'
import { openTraceSession } from './open-trace-session'
import { setTraceCookie, TRACE_COOKIE } from './trace-session'

// #region start-trace
/**
 * Starts recording for the caller: the inspector panel asks once it renders on
 * a page. Reading the trace (GET /api/trace) never starts one, so a flood of
 * reads creates nothing. 1. Only this site's own script may ask. 2. Keep the
 * caller's session, or make one within the address's budget. 3. Name it in
 * the httpOnly cookie, which page JavaScript never sees.
 */
export async function startTrace(request: NextRequest): Promise<Response> {
  // 1. A mutating request, like every other one here.
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged

  // 2. Known session, or a new one the server picks.
  const started = await openTraceSession(request.cookies.get(TRACE_COOKIE)?.value, clientAddress(request)).catch((error: unknown) => {
    if (error instanceof RedisUnavailableError) return null
    throw error
  })
  // The shared store (REDIS_URL) is down: the panel says it cannot record, the page works on.
  if (!started) return sharedStoreUnavailable()
  if (!started.ok) {
    return problem(
      { status: 429, title: 'Too many new inspector sessions', detail: `Too many new wire inspector sessions from your address. Try again in ${started.retryAfter} seconds.` },
      { 'Retry-After': String(started.retryAfter) },
    )
  }

  // 3. The cookie only for a new session: an existing one is named already.
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } })
  if (started.created) setTraceCookie(response, started.session)
  return response
}
// #endregion start-trace
