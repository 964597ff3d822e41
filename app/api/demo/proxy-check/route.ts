import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { readJsonBody } from '@/demos/lib/http/read-json-body'
import { proxyCheckIsOff, setProxyCheck } from '@/site/lib/proxy-check/proxy-check'

// Demo only: switches proxy.ts's check off or on for THIS browser, by a cookie
// nobody else sends (see site/lib/proxy-check/proxy-check.ts).
const switchSchema = z.object({ enabled: z.boolean() })

export function GET(request: NextRequest) {
  return NextResponse.json({ enabled: !proxyCheckIsOff(request) }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export async function POST(request: Request) {
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged
  const body = await readJsonBody(request, switchSchema)
  if (!body.ok) return body.response

  const response = NextResponse.json({ enabled: body.data.enabled }, { headers: { 'Cache-Control': 'private, no-store' } })
  setProxyCheck(response, body.data.enabled)
  return response
}
