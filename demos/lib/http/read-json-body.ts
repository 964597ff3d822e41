import type { z } from 'zod'
import { problem } from './problem'

const MAX_BODY_BYTES = 16 * 1024

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response }

// #region read-json-body
/**
 * `await request.json()` throws on bad input, and an uncaught throw in a route
 * handler is a 500. Every way a body can be wrong ends here as a 4xx instead.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.infer<S>>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    return fail(400, 'Unsupported content type', 'Send the body as application/json.')
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return fail(413, 'Body too large', `The body may be at most ${MAX_BODY_BYTES} bytes.`)
  }
  let text: string
  try {
    text = await request.text()
  } catch {
    return fail(400, 'Unreadable body', 'The request body could not be read.')
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return fail(413, 'Body too large', `The body may be at most ${MAX_BODY_BYTES} bytes.`)
  }
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

function fail(status: number, title: string, detail: string): Parsed<never> {
  return { ok: false, response: problem({ status, title, detail }) }
}
