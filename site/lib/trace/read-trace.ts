import 'server-only'
import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { problem } from '@/demos/lib/http/problem'
import { sharedStoreUnavailable } from '@/demos/lib/http/shared-store-unavailable'
import { RedisUnavailableError } from '@/demos/lib/redis/redis-unavailable'
import { getTraceStore } from './trace-store'
import { TRACE_COOKIE, validTraceSession } from './trace-session'
import type { TracePage } from './trace-types'

// Only `after`. A `session` parameter, or anything else, is refused rather than
// ignored: the one trace this endpoint serves is named by the caller's cookie.
const querySchema = z.strictObject({
  after: z.coerce.number().int('`after` must be a whole number.').min(0, '`after` must not be negative.').max(Number.MAX_SAFE_INTEGER).optional(),
})

// #region read-trace
/**
 * The caller's own trace, after `after`. 1. Validate the query. 2. Read the
 * session from the caller's cookie, never from the request's parameters.
 * 3. Only a session the server issued and still holds is read; anything else
 * (no cookie, an id the server never issued, one it forgot) is "not
 * recording", and nothing is created here: the panel starts a session with
 * POST /api/trace/session. 4. No cache anywhere may keep or share the answer.
 */
export async function readTrace(request: NextRequest): Promise<Response> {
  // 1. Validate: every parameter once, and only the known one.
  const params = request.nextUrl.searchParams
  const parsed = querySchema.safeParse(Object.fromEntries(params))
  if (!parsed.success || new Set(params.keys()).size !== [...params.keys()].length) {
    return problem({ status: 400, title: 'Invalid trace query', detail: parsed.error?.issues.map((issue) => issue.message).join(' ') || 'Each parameter may appear once.' })
  }
  const after = parsed.data.after ?? 0

  // 2. The caller's own session, from the httpOnly cookie.
  const store = getTraceStore()
  const session = validTraceSession(request.cookies.get(TRACE_COOKIE)?.value)

  // 3. A session the server knows, or none: never adopt an id.
  const api = process.env.DOTNET_API_URL?.trim() ? 'external' : 'in-site'
  let body: TracePage = { events: [], next: 0, reset: true, recording: false, api }
  try {
    const page = session ? await store.read(session, after) : null
    if (session && page) {
      body = { ...page, reset: after > page.next, recording: true, api }
      if (body.reset) body.events = (await store.read(session, 0))?.events ?? []
    }
  } catch (error) {
    if (error instanceof RedisUnavailableError) return sharedStoreUnavailable()
    throw error
  }

  // 4. One visitor's data: private, never stored.
  return NextResponse.json(body, { headers: { 'Cache-Control': 'private, no-store', Vary: 'Cookie' } })
}
// #endregion read-trace

/**
 * Forgets the caller's trace; recording goes on. Answers the last event number
 * it dropped, so the panel can drop the same ones even from a poll that was
 * already on its way.
 */
export async function clearTrace(request: NextRequest): Promise<Response> {
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged
  const session = validTraceSession(request.cookies.get(TRACE_COOKIE)?.value)
  let clearedThrough = 0
  try {
    if (session) clearedThrough = await getTraceStore().clear(session)
  } catch (error) {
    if (error instanceof RedisUnavailableError) return sharedStoreUnavailable()
    throw error
  }
  return NextResponse.json({ clearedThrough }, { headers: { 'Cache-Control': 'private, no-store' } })
}
