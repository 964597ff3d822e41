import { describe, expect, it } from 'vitest'
import { cookieSummary, toFlows } from '@/site/components/wire-inspector/trace-flows'
import type { TraceEvent } from '@/site/lib/trace/trace-types'

let seq = 0
function event(partial: Partial<TraceEvent> & Pick<TraceEvent, 'from' | 'to' | 'start' | 'durationMs'>): TraceEvent {
  return {
    seq: ++seq,
    flowId: 'login',
    source: 'route-handler',
    method: 'POST',
    path: '/api/auth/login',
    status: 200,
    requestHeaders: [],
    responseHeaders: [],
    note: { text: '', href: '/wire-inspector' },
    ...partial,
  }
}

describe('the sequence the panel draws', () => {
  it('puts each request at its start and each answer at its end, so nested hops read in order', () => {
    // Recorded innermost first, as on the server: the API, then the BFF's call, then the browser's request.
    const events = [
      event({ source: 'api', from: 'api', to: 'api', start: 1010, durationMs: 5 }),
      event({ from: 'bff', to: 'api', start: 1005, durationMs: 20 }),
      event({
        from: 'browser',
        to: 'bff',
        start: 1000,
        durationMs: 40,
        responseHeaders: [['set-cookie', '__Host-bff.access=[redacted, 300 chars]; Path=/; Expires=x; Max-Age=900; Secure; HttpOnly; SameSite=lax']],
      }),
    ]
    const [flow] = toFlows(events)
    expect(flow.title).toBe('POST /api/auth/login')
    expect(flow.messages.map((m) => `${m.kind} ${m.from}→${m.to}`)).toEqual([
      'request browser→bff',
      'request bff→api',
      'api api→api',
      'response api→bff',
      'response bff→browser',
    ])
    expect(flow.messages.at(-1)!.label).toBe('200 · 40 ms · Set-Cookie __Host-bff.access (Path=/, Secure, HttpOnly, SameSite=lax)')
  })

  it('keeps flows apart, oldest first, and only the latest few', () => {
    const events = Array.from({ length: 30 }, (_, i) => event({ flowId: `f${i}`, from: 'bff', to: 'api', source: 'server-component', page: '/demo/goals', start: 100 * i, durationMs: 1 }))
    const flows = toFlows(events.reverse(), 20)
    expect(flows.map((flow) => flow.id)).toEqual(Array.from({ length: 20 }, (_, i) => `f${i + 10}`))
    expect(flows[0].title).toBe('Server Component for /demo/goals')
  })

  it('summarises a deleted cookie as deleted', () => {
    expect(cookieSummary('bff.refresh=(empty: deletes the cookie); Path=/; Max-Age=0; HttpOnly; SameSite=lax')).toBe('Set-Cookie bff.refresh deleted (Path=/, HttpOnly, SameSite=lax)')
  })
})
