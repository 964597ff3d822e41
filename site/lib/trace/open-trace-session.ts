import 'server-only'
import { createRateLimit, type RateLimit } from '@/demos/lib/http/rate-limit'
import { getTraceStore, type TraceStore } from './trace-store'
import { newTraceSession, validTraceSession } from './trace-session'

// #region trace-session-rate
/**
 * New trace sessions per client address per minute. The store keeps 500 and
 * drops the least recently used, so without a budget one client could create
 * 500 in a few seconds and push everyone else's out. An open panel polls every
 * second, so it is never the least recently used unless 500 sessions are
 * created between two polls: far past one address's budget. Generous enough
 * for the browser suite, which opens many fresh browsers from one address.
 */
export const TRACE_SESSION_RATE = { limit: 60, windowSeconds: 60 }
// #endregion trace-session-rate

const globalKey = Symbol.for('bff-jwt-reference.trace-session-rate')
type GlobalWithLimit = typeof globalThis & { [globalKey]?: RateLimit }
const sessionLimit = () => ((globalThis as GlobalWithLimit)[globalKey] ??= createRateLimit({ name: 'trace-session', ...TRACE_SESSION_RATE, maxKeys: 10_000 }))

export type TraceSessionStart = { ok: true; session: string; created: boolean } | { ok: false; retryAfter: number }

/**
 * The trace session for a visitor whose inspector starts.
 * 1. A cookie naming a session this server issued and still holds: keep it.
 * 2. Anything else is no session: a missing or malformed cookie, and a
 *    well-formed id the server never issued (or forgot), which is never adopted.
 * 3. A new session costs the client address one of its budget.
 * 4. The server picks the id; it is never the client's.
 */
export async function openTraceSession(
  cookie: string | null | undefined,
  address: string | null,
  { store = getTraceStore(), limit = sessionLimit() }: { store?: TraceStore; limit?: RateLimit } = {},
): Promise<TraceSessionStart> {
  // 1. Known: keep it fresh.
  const named = validTraceSession(cookie)
  if (named && (await store.has(named))) {
    await store.open(named)
    return { ok: true, session: named, created: false }
  }
  // 2. and 3. Unknown is none; a new one is counted.
  const wait = await limit.take(address ?? 'unknown')
  if (wait > 0) return { ok: false, retryAfter: wait }
  // 4. A fresh random id, opened before the cookie naming it leaves.
  const session = newTraceSession()
  await store.open(session)
  return { ok: true, session, created: true }
}
