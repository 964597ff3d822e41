import 'server-only'
import type { NextResponse } from 'next/server'
import { COOKIE_FLAGS, cookieName } from '@/demos/lib/auth/cookie-options'

// #region trace-cookie
/**
 * The inspector's key to a visitor's trace: a random id the server creates
 * when the inspector on a page starts (POST /api/trace/session), and accepts
 * only while it still holds that session. It grants nothing but reading that
 * visitor's own redacted trace, and it is httpOnly all the same: page
 * JavaScript has no use for it, so a script injected into the page gets nothing.
 */
export const TRACE_COOKIE = cookieName('wire.trace')
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export function newTraceSession(): string {
  return crypto.randomUUID()
}

/**
 * The trace session named by a cookie value, or null for a missing or malformed
 * one. Well-formed is not known: callers still ask the store whether it issued it.
 */
export function validTraceSession(value: string | undefined | null): string | null {
  return value && SESSION_ID.test(value) ? value : null
}

export function setTraceCookie(response: NextResponse, session: string) {
  response.cookies.set(TRACE_COOKIE, session, { ...COOKIE_FLAGS, maxAge: 24 * 60 * 60 })
}
// #endregion trace-cookie

/** Reads the trace cookie from a raw Cookie header, without parsing the others. */
export function traceSessionOf(request: Request): string | null {
  const header = request.headers.get('cookie')
  if (!header) return null
  const at = header.indexOf(`${TRACE_COOKIE}=`)
  if (at === -1 || (at > 0 && !/[;\s]/.test(header[at - 1]))) return null
  const start = at + TRACE_COOKIE.length + 1
  const end = header.indexOf(';', start)
  return validTraceSession(header.slice(start, end === -1 ? undefined : end).trim())
}
