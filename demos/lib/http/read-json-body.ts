import type { z } from 'zod'
import { API_TIMEOUT_MS } from '@/demos/lib/http/api-config'
import { problem } from './problem'

export const MAX_BODY_BYTES = 16 * 1024

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response }

// #region read-json-body
/**
 * `await request.json()` throws on bad input, and an uncaught throw in a route
 * handler is a 500. Every way a body can be wrong ends here as a 4xx instead.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, { timeoutMs = API_TIMEOUT_MS } = {}): Promise<Parsed<z.infer<S>>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    return fail(400, 'Unsupported content type', 'Send the body as application/json.')
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return fail(413, 'Body too large', `The body may be at most ${MAX_BODY_BYTES} bytes.`)
  }
  const read = await readText(request, timeoutMs)
  if (read === TIMED_OUT) return fail(408, 'Request Timeout', `The body did not arrive within ${timeoutMs / 1000} seconds.`)
  if (read === TOO_LARGE) return fail(413, 'Body too large', `The body may be at most ${MAX_BODY_BYTES} bytes.`)
  if (read === UNREADABLE) return fail(400, 'Unreadable body', 'The request body could not be read.')
  const text = read
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return fail(400, 'Malformed JSON', 'The request body is not valid JSON.')
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    const errors: Record<string, string[]> = {}
    for (const issue of result.error.issues) {
      const key = issue.path.join('.') || '_'
      ;(errors[key] ??= []).push(issue.message)
    }
    return { ok: false, response: problem({ status: 400, title: 'One or more validation errors occurred.', errors }) }
  }
  return { ok: true, data: result.data }
}
// #endregion read-json-body

const TIMED_OUT = Symbol('timed out')
const TOO_LARGE = Symbol('too large')
const UNREADABLE = Symbol('unreadable')

/**
 * The body as text, read against a deadline and a byte cap. `request.text()`
 * waits as long as the client keeps the body open, so a client sending a byte
 * now and then would hold the handler (and a socket) for as long as it liked.
 * The deadline is the one the proxy gives a whole exchange with the API.
 */
async function readText(request: Request, timeoutMs: number): Promise<string | typeof TIMED_OUT | typeof TOO_LARGE | typeof UNREADABLE> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(resolve, timeoutMs, TIMED_OUT)))
  const chunks: Uint8Array[] = []
  let bytes = 0
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline])
      if (next === TIMED_OUT) return TIMED_OUT
      if (next.done) break
      bytes += next.value.byteLength
      if (bytes > MAX_BODY_BYTES) return TOO_LARGE
      chunks.push(next.value)
    }
  } catch {
    return UNREADABLE
  } finally {
    clearTimeout(timer)
    // Stops reading what is left (a late or oversized body); ignored once the stream has ended.
    reader.cancel().catch(() => {})
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

function fail(status: number, title: string, detail: string): Parsed<never> {
  return { ok: false, response: problem({ status, title, detail }) }
}
