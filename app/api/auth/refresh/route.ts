import { NextResponse, type NextRequest } from 'next/server'
import { clearAuthCookies, setAuthCookies } from '@/demos/lib/auth/auth-cookies'
import { REFRESH_COOKIE } from '@/demos/lib/auth/cookie-options'
import { refreshAtApi } from '@/demos/lib/session/refresh-at-api'
import { refreshOnce } from '@/demos/lib/session/refresh-once'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { rejectOverAuthRateLimit } from '@/demos/lib/http/auth-rate-limit'
import { clientAddress } from '@/demos/lib/http/client-address'
import { problem } from '@/demos/lib/http/problem'
import { traceRoute } from '@/site/lib/trace/trace-route'

// The browser's reactive refresh (demos/lib/api/session-refresher.ts). The
// tokens go from cookie to API and back into cookies; the browser sees neither.
export const POST = traceRoute(async function POST(request: NextRequest) {
  const limited = await rejectOverAuthRateLimit(request)
  if (limited) return limited
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged

  // 1. Read the refresh token from its httpOnly cookie and exchange it at the
  //    API, once for every request carrying it, on any instance (refresh-once.ts).
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value
  const outcome = refreshToken ? await refreshOnce(refreshToken, () => refreshAtApi(refreshToken, clientAddress(request))) : null

  // 2. Success: both new cookies, no body, and no cache may keep the answer.
  if (outcome?.ok) {
    const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
    setAuthCookies(response, outcome.tokens)
    return response
  }

  // 3. The API could not be asked: keep the cookies, the refresh token may still be good.
  if (outcome && !outcome.rejected) {
    return problem({ status: outcome.status, title: 'Refresh unavailable', detail: 'The session could not be refreshed. Try again shortly.' })
  }

  // 4. Refused, or no refresh cookie at all: the session is over. Delete both cookies.
  const response = problem({ status: 401, title: 'Session ended', detail: 'Sign in again.' })
  clearAuthCookies(response)
  return response
})
