import { cookies } from 'next/headers'
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { PROXY_CHECK_COOKIE, secureCookies } from '@/demos/lib/auth/cookie-names'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { readJsonBody } from '@/demos/lib/http/read-json-body'

// Demo only: switches proxy.ts's check off or on for THIS browser, by a cookie
// nobody else sends. It grants nothing: the DAL and the API still check every
// request, which is the point the route protection page makes.
const switchSchema = z.object({ enabled: z.boolean() })

export async function GET() {
  const enabled = (await cookies()).get(PROXY_CHECK_COOKIE)?.value !== 'off'
  return NextResponse.json({ enabled }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export async function POST(request: Request) {
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged
  const body = await readJsonBody(request, switchSchema)
  if (!body.ok) return body.response

  const response = NextResponse.json({ enabled: body.data.enabled }, { headers: { 'Cache-Control': 'private, no-store' } })
  const flags = { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies } as const
  // An hour is long enough to experiment and short enough to be forgotten safely.
  response.cookies.set(PROXY_CHECK_COOKIE, body.data.enabled ? '' : 'off', { ...flags, maxAge: body.data.enabled ? 0 : 3600 })
  return response
}
