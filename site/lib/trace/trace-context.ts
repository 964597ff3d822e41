import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import { cookies, headers } from 'next/headers'
import { RETURN_PATH_HEADER } from '@/demos/lib/auth/return-path'
import { isTraced } from './trace-store'
import { TRACE_COOKIE, validTraceSession } from './trace-session'
import type { TraceSource } from './trace-types'

/**
 * Which visitor's trace the hops of the current request go to, and why they
 * happen: what the wrapper of the flow said it is, and whether the bodies of
 * its API calls may be read.
 */
export type TraceContext = { session: string; flowId: string; source: TraceSource; page?: string; bodies: boolean }

// One instance across bundles (route handlers and proxy.ts are bundled apart).
const globalKey = Symbol.for('bff-jwt-reference.trace-context')
type GlobalWithContext = typeof globalThis & { [globalKey]?: AsyncLocalStorage<TraceContext | null> }
const storage = ((globalThis as GlobalWithContext)[globalKey] ??= new AsyncLocalStorage<TraceContext | null>())

/**
 * Runs `work` with a known trace context; `null` says "this request is not
 * traced", so nothing downstream spends time finding out again.
 */
export function runTraced<T>(context: TraceContext | null, work: () => T): T {
  return storage.run(context, work)
}

/**
 * The context of the current hop. Route handlers and proxy.ts set one with
 * runTraced; Server Components and Server Actions cannot be wrapped, so for
 * them it comes from the request itself.
 */
export async function currentTrace(): Promise<TraceContext | null> {
  const known = storage.getStore()
  return known === undefined ? renderTrace() : known
}

// Once per request: every API call of one render or action is one flow. Keyed
// on the request's own headers object, which Next hands every caller of
// headers() in that request; not React's cache(), since this module is loaded
// at start-up (instrumentation.ts), outside any React server bundle.
const renders = new WeakMap<object, Promise<TraceContext | null>>()

async function renderTrace(): Promise<TraceContext | null> {
  let request: Awaited<ReturnType<typeof headers>>
  try {
    request = await headers()
  } catch {
    return null // outside a request (a script, a test): nothing to trace
  }
  let known = renders.get(request)
  if (!known) {
    known = traceOfRender(request)
    renders.set(request, known)
  }
  return known
}

async function traceOfRender(request: Awaited<ReturnType<typeof headers>>): Promise<TraceContext | null> {
  const session = validTraceSession((await cookies()).get(TRACE_COOKIE)?.value)
  if (!session || !(await isTraced(session))) return null
  // A Server Action is a POST: with JavaScript it carries Next-Action, without it is a form post.
  const action = request.has('next-action') || /form-data|x-www-form-urlencoded/.test(request.get('content-type') ?? '')
  return {
    session,
    flowId: crypto.randomUUID(),
    source: action ? 'server-action' : 'server-component',
    page: request.get(RETURN_PATH_HEADER) ?? undefined,
    bodies: true,
  }
}
