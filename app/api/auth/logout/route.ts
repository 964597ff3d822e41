import { cookies } from 'next/headers'
import { NextResponse } from 'next/server'
import { clearAuthCookies } from '@/demos/lib/auth/auth-cookies'
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/demos/lib/auth/cookie-options'
import { revokeAtApi } from '@/demos/lib/session/revoke-at-api'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { traceRoute } from '@/site/lib/trace/trace-route'

export const POST = traceRoute(async function POST(request: Request) {
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged

  // 1. Revoke the session's family at the API, so a copy of either token is
  //    worthless: by the refresh token, and by the access token's `sid` for a
  //    reader whose refresh cookie is already gone.
  const jar = await cookies()
  await revokeAtApi({ refreshToken: jar.get(REFRESH_COOKIE)?.value, accessToken: jar.get(ACCESS_COOKIE)?.value })

  // 2. Delete both cookies in the browser.
  const response = new NextResponse(null, { status: 204 })
  clearAuthCookies(response)
  response.headers.set('Cache-Control', 'no-store')
  return response
})
