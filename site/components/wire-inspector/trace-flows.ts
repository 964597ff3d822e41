import type { Lane, TraceEvent, TraceNote, TraceSource } from '@/site/lib/trace/trace-types'

/** One arrow of the sequence: a request, its answer, or the API's own note. */
export type WireMessage = {
  key: string
  kind: 'request' | 'response' | 'api'
  at: number
  from: Lane
  to: Lane
  label: string
  headers: TraceEvent['requestHeaders']
  body?: string
  note?: TraceNote
  event: TraceEvent
}

/** Everything one browser request or one render caused, in the order it happened. */
export type WireFlow = { id: string; start: number; title: string; messages: WireMessage[] }

export const SOURCE_NAMES: Record<TraceSource, string> = {
  'route-handler': 'route handler',
  'proxy-route': 'proxy route',
  'proxy.ts': 'proxy.ts',
  'server-component': 'Server Component',
  'server-action': 'Server Action',
  api: '.NET API',
}

/**
 * Turns hops into a sequence diagram: each hop becomes its request arrow at
 * its start and its answer arrow at its end, so nested hops (the BFF calling
 * the API while the browser waits) read top to bottom as they happened.
 */
export function toFlows(events: TraceEvent[], maxFlows = 20): WireFlow[] {
  const flows = new Map<string, WireFlow>()
  for (const event of events) {
    let flow = flows.get(event.flowId)
    if (!flow) flows.set(event.flowId, (flow = { id: event.flowId, start: event.start, title: '', messages: [] }))
    flow.start = Math.min(flow.start, event.start)
    flow.messages.push(...messagesOf(event))
  }
  const ordered = [...flows.values()].sort((a, b) => a.start - b.start).slice(-maxFlows)
  for (const flow of ordered) {
    flow.messages.sort((a, b) => a.at - b.at || rank(a) - rank(b))
    flow.title = titleOf(flow)
  }
  return ordered
}

function messagesOf(event: TraceEvent): WireMessage[] {
  const ms = `${Math.round(event.durationMs)} ms`
  if (event.from === event.to) {
    return [{
      key: `${event.seq}:api`,
      kind: 'api',
      at: event.start,
      from: event.from,
      to: event.to,
      label: `handled ${event.method} ${event.path}: ${event.status} in ${ms}`,
      headers: [...event.requestHeaders, ...event.responseHeaders],
      note: event.note,
      event,
    }]
  }
  const cookies = event.responseHeaders.filter(([name]) => name === 'set-cookie').map(([, value]) => cookieSummary(value))
  return [
    {
      key: `${event.seq}:request`,
      kind: 'request',
      at: event.start,
      from: event.from,
      to: event.to,
      label: `${event.method} ${event.path}`,
      headers: event.requestHeaders,
      body: event.requestBody,
      note: event.note,
      event,
    },
    {
      key: `${event.seq}:response`,
      kind: 'response',
      at: event.start + event.durationMs,
      from: event.to,
      to: event.from,
      label: [event.status === 0 ? 'no answer' : String(event.status), ms, ...cookies].join(' · '),
      headers: event.responseHeaders,
      body: event.responseBody,
      note: event.responseNote ?? (event.from === 'browser' ? undefined : event.note),
      event,
    },
  ]
}

// Same instant: a request goes out before the API notes it, and both before any answer.
const rank = (message: WireMessage) => ({ request: 0, api: 1, response: 2 })[message.kind]

/** `Set-Cookie __Host-bff.access (HttpOnly, SameSite=lax, Path=/)`: the name and the flags that matter. */
export function cookieSummary(redacted: string): string {
  const [pair, ...flags] = redacted.split('; ')
  const name = pair.slice(0, pair.indexOf('='))
  const shown = flags.filter((flag) => /^(httponly|secure|samesite=|path=)/i.test(flag))
  const deleted = pair.includes('(empty') ? ' deleted' : ''
  return `Set-Cookie ${name}${deleted} (${shown.join(', ')})`
}

function titleOf(flow: WireFlow): string {
  const first = flow.messages[0]?.event
  if (!first) return ''
  if (first.from === 'browser') return `${first.method} ${first.path}`
  const what = SOURCE_NAMES[first.source]
  return first.page ? `${what} for ${first.page}` : what
}
