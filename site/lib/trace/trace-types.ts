// Shared by the recorder (server) and the inspector panel (browser): no server-only imports.

/** The three columns of the inspector, left to right. */
export type Lane = 'browser' | 'bff' | 'api'

/** Who recorded a hop, named as the docs name the code. */
export type TraceSource = 'route-handler' | 'proxy-route' | 'proxy.ts' | 'server-component' | 'server-action' | 'api'

export type HeaderList = [name: string, value: string][]

/** A short explanation of a hop and the docs section that covers it. */
export type TraceNote = { text: string; href: string }

/**
 * One hop: a request from one lane to another and its answer, or (from and to
 * both `api`) the API's own view of a request it handled. Everything in it has
 * been redacted before it was stored: this is what leaves the server.
 */
export type TraceEvent = {
  /** Order of recording within the session; the panel asks for events after the last it has. */
  seq: number
  /** One browser request (or one page render) and every hop it caused. */
  flowId: string
  /** The `x-request-id` a BFF→API hop carried, which the API echoes and logs. */
  requestId?: string
  source: TraceSource
  from: Lane
  to: Lane
  method: string
  /** Path and query, as the receiving side saw them. */
  path: string
  /** The page a Server Component or proxy.ts worked for, when known. */
  page?: string
  /** 0 when no answer came (network error, timeout). */
  status: number
  /** Milliseconds since the epoch, with sub-millisecond precision for ordering. */
  start: number
  durationMs: number
  requestHeaders: HeaderList
  responseHeaders: HeaderList
  requestBody?: string
  responseBody?: string
  note: TraceNote
  /** What to notice about the answer, when it differs from the request's note (Set-Cookie, say). */
  responseNote?: TraceNote
}

/** The body of GET /api/trace. */
export type TracePage = {
  events: TraceEvent[]
  /** Pass as `after` on the next poll. */
  next: number
  /** True when the server no longer has what the caller saw (cleared, evicted or restarted). */
  reset: boolean
  /** False when the caller has no session the server knows: start one at TRACE_SESSION_ENDPOINT. */
  recording: boolean
  /**
   * `in-site`: the mock at /dotnet, whose own view of each request is recorded
   * too. `external`: DOTNET_API_URL points elsewhere; the BFF's hops to it are
   * recorded, but nothing from inside it.
   */
  api: 'in-site' | 'external'
}

export const TRACE_ENDPOINT = '/api/trace'
/** POST: starts (or keeps) the caller's trace session and sets its httpOnly cookie. */
export const TRACE_SESSION_ENDPOINT = '/api/trace/session'
