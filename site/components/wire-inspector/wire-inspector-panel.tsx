'use client'

import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { TRACE_ENDPOINT, type TraceEvent, type TracePage } from '@/site/lib/trace/trace-types'
import { SOURCE_NAMES, toFlows, type WireFlow, type WireMessage } from './trace-flows'
import { useTraceSession } from './use-trace-session'
import { LANES, WirePanelFrame } from './wire-panel-frame'

// Its own client: the panel runs on docs pages too, which have no QueryProvider,
// and its polling must not mix with a demo's cache.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } })
const traceKey = ['wire-inspector', 'trace'] as const
const MAX_EVENTS = 400

type Trace = { events: TraceEvent[]; next: number; api: TracePage['api'] }

export default function WireInspectorPanel() {
  return (
    <QueryClientProvider client={queryClient}>
      <Inspector />
    </QueryClientProvider>
  )
}

function Inspector() {
  const client = useQueryClient()
  const [paused, setPaused] = useState(false)
  const [clearing, setClearing] = useState(false)
  // Events up to this number were cleared; a poll that left before the clear may still bring them.
  const [clearedThrough, setClearedThrough] = useState(0)
  const session = useTraceSession()
  const trace = useQuery({
    queryKey: traceKey,
    // Reading never starts a session: only once this panel has started one.
    enabled: session.state.status === 'recording',
    // Asks only for what is new since the last poll, and appends it.
    queryFn: async ({ signal }): Promise<Trace> => {
      const known = client.getQueryData<Trace>(traceKey)
      const response = await fetch(`${TRACE_ENDPOINT}?after=${known?.next ?? 0}`, { signal, cache: 'no-store' })
      if (!response.ok) throw new Error(`The trace could not be read (${response.status}).`)
      const page = (await response.json()) as TracePage
      // No session the server knows (a restart, or evicted): start a new one, from nothing.
      if (!page.recording) session.restart()
      // The server forgot this visitor: its numbering starts again.
      if (page.reset) setClearedThrough(0)
      const events = page.reset || !known ? page.events : [...known.events, ...page.events]
      return { events: events.slice(-MAX_EVENTS), next: page.next, api: page.api }
    },
    refetchInterval: paused ? false : 1000,
  })

  async function clear() {
    setClearing(true)
    try {
      const response = await fetch(TRACE_ENDPOINT, { method: 'DELETE', headers: { [ANTI_FORGERY_HEADER]: '1' } })
      if (response.ok) setClearedThrough(((await response.json()) as { clearedThrough: number }).clearedThrough)
    } finally {
      setClearing(false)
    }
  }

  const flows = toFlows((trace.data?.events ?? []).filter((event) => event.seq > clearedThrough))
  const waiting = session.state.status === 'waiting' ? session.state.retryAfter : 0
  const state = waiting ? 'waiting' : trace.isError || session.state.status === 'failed' ? 'error' : trace.data ? 'live' : 'starting'
  return (
    <WirePanelFrame
      state={state}
      status={
        state === 'waiting'
          ? `Too many new inspector sessions from your address; trying again in ${waiting} s.`
          : state === 'error'
            ? 'The trace could not be read; retrying.'
            : state === 'starting'
              ? 'Starting…'
              : describe(flows, paused)
      }
      paused={paused}
      onPause={() => setPaused(!paused)}
      onClear={clear}
      clearDisabled={clearing || flows.length === 0}
      apiExternal={trace.data?.api === 'external'}
    >
      {flows.length > 0 ? (
        <ol className="bff-wire-flows" aria-label="Flows, oldest first">
          {flows.map((flow) => (
            <FlowItem key={flow.id} flow={flow} />
          ))}
        </ol>
      ) : undefined}
    </WirePanelFrame>
  )
}

function FlowItem({ flow }: { flow: WireFlow }) {
  return (
    <li className="bff-wire-flow" data-testid="wire-flow">
      <p className="bff-wire-flow-title">
        <strong>{flow.title}</strong> <time dateTime={new Date(flow.start).toISOString()}>{new Date(flow.start).toLocaleTimeString()}</time>
      </p>
      <ol className="bff-wire-messages">
        {flow.messages.map((message) => (
          <MessageItem key={message.key} message={message} />
        ))}
      </ol>
    </li>
  )
}

function MessageItem({ message }: { message: WireMessage }) {
  const [open, setOpen] = useState(false)
  const { event } = message
  const detailId = `bff-wire-${event.flowId}-${message.key.replace(':', '-')}`
  const direction = message.kind === 'api' ? 'self' : laneIndex(message.to) > laneIndex(message.from) ? 'right' : 'left'
  const span = [message.from, message.to].sort((a, b) => laneIndex(a) - laneIndex(b)).join('-')
  return (
    <li
      className="bff-wire-message"
      data-testid="wire-message"
      data-kind={message.kind}
      data-from={message.from}
      data-to={message.to}
      data-source={event.source}
      data-method={event.method}
      data-path={event.path}
      data-status={event.status}
    >
      <button type="button" className="bff-wire-row" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)}>
        <span className={`bff-wire-arrow bff-wire-span-${span} bff-wire-${direction}`} data-status-class={statusClass(event.status)}>
          <span className="bff-wire-label">{message.label}</span>
        </span>
        <span className="bff-wire-visually-hidden">{`, ${spoken(message)}`}</span>
      </button>
      {open && (
        <div id={detailId} className="bff-wire-detail">
          <p>
            {SOURCE_NAMES[event.source]}
            {event.requestId && <> · request id <code>{event.requestId}</code></>}
            {event.page && <> · for <code>{event.page}</code></>}
          </p>
          {message.headers.length > 0 && (
            <dl className="bff-wire-headers">
              {message.headers.map(([name, value], index) => (
                <div key={`${name}-${index}`}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          {message.body && <pre className="bff-wire-body">{message.body}</pre>}
          {message.note && (
            <p className="bff-wire-note">
              {message.note.text} <a href={message.note.href}>Read about it</a>
            </p>
          )}
        </div>
      )}
    </li>
  )
}

function describe(flows: WireFlow[], paused: boolean) {
  const hops = flows.reduce((count, flow) => count + flow.messages.length, 0)
  const what = flows.length === 0 ? 'Recording your requests.' : `${flows.length} ${flows.length === 1 ? 'flow' : 'flows'}, ${hops} messages.`
  return paused ? `${what} Paused.` : what
}

const laneIndex = (lane: string) => LANES.findIndex(([id]) => id === lane)
// Short lane names for screen readers, and none containing "Next": a button named "Next" pages the goals.
const SPOKEN = { browser: 'browser', bff: 'BFF', api: 'API' } as const
function spoken({ kind, from, to, event }: WireMessage) {
  const who = `by the ${SOURCE_NAMES[event.source]}`
  return kind === 'api' ? `the API's own record, ${who}` : `${kind} from ${SPOKEN[from]} to ${SPOKEN[to]}, ${who}`
}
const statusClass = (status: number) => (status === 0 || status >= 500 ? 'error' : status >= 400 ? 'refused' : 'ok')
