import 'server-only'
import { annotate } from './annotate'
import { pickHeaders } from './redact'
import { getTraceStore } from './trace-store'
import type { TraceEvent } from './trace-types'

/** The headers that matter on each side of a hop; pickHeaders redacts the secret ones. */
export const REQUEST_HEADERS = ['authorization', 'cookie', 'origin', 'content-type', 'content-length', 'x-csrf', 'x-upload-token', 'x-request-id', 'x-forwarded-for', 'next-action', 'if-none-match'] as const
export const RESPONSE_HEADERS = ['set-cookie', 'location', 'cache-control', 'content-type', 'content-length', 'content-disposition', 'access-control-allow-origin', 'x-request-id', 'www-authenticate', 'retry-after', 'etag', 'allow', 'x-bff-redirected-by'] as const

/** Bodies read for the inspector stop here: a hop is traced, not copied. */
export const MAX_CAPTURE_BYTES = 8 * 1024

/** Wall-clock milliseconds with sub-millisecond precision, comparable across bundles of one process. */
export function now(): number {
  return performance.timeOrigin + performance.now()
}

export type Hop = Omit<TraceEvent, 'seq' | 'note' | 'responseNote'>

/**
 * What every recorded request/response pair shares: method, path, status,
 * timing (from `start` to now) and the headers that matter, redacted.
 */
export function exchangeOf(request: Request, response: Response, start: number, path = pathOf(request.url)) {
  return {
    method: request.method,
    path,
    status: response.status,
    start,
    durationMs: now() - start,
    requestHeaders: pickHeaders(request.headers, REQUEST_HEADERS),
    responseHeaders: pickHeaders(response.headers, RESPONSE_HEADERS),
  }
}

/**
 * Annotates a redacted hop and stores it in the visitor's trace. Never
 * rejects: a hop the store cannot take (Redis down) is lost, not the request.
 */
export function recordHop(session: string, hop: Hop): Promise<void> {
  return getTraceStore()
    .record(session, { ...hop, ...annotate(hop) })
    .catch(() => {})
}

/**
 * Up to `max` bytes of a body as text, or null when it is larger. Reads a
 * clone, so the real reader is not slowed down.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, max = MAX_CAPTURE_BYTES): Promise<string | null> {
  if (!body) return ''
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return text + decoder.decode()
      bytes += value.byteLength
      if (bytes > max) return null
      text += decoder.decode(value, { stream: true })
    }
  } catch {
    return null
  } finally {
    reader.cancel().catch(() => {})
  }
}

export function pathOf(url: string): string {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}
