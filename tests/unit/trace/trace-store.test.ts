import { describe, expect, it } from 'vitest'
import { createTraceStore, TRACE_LIMITS, type TraceLimits } from '@/site/lib/trace/trace-store'
import type { TraceEvent } from '@/site/lib/trace/trace-types'

const limits: TraceLimits = { maxSessions: 3, maxEventsPerSession: 5, maxSessionBytes: 64 * 1024, maxTotalBytes: 1024 * 1024, maxPending: 4 }

function hop(path: string, bodyChars = 0): Omit<TraceEvent, 'seq'> {
  return {
    flowId: 'flow',
    source: 'proxy-route',
    from: 'browser',
    to: 'bff',
    method: 'GET',
    path,
    status: 200,
    start: 0,
    durationMs: 1,
    requestHeaders: [],
    responseHeaders: [],
    responseBody: 'x'.repeat(bodyChars),
    note: { text: 'note', href: '/wire-inspector' },
  }
}

const paths = (events: TraceEvent[] | undefined) => events?.map((event) => event.path)

describe('trace store bounds', () => {
  it('keeps at most maxSessions sessions, dropping the least recently used', () => {
    const store = createTraceStore(limits)
    for (let i = 0; i < 50; i++) {
      store.open(`s${i}`)
      store.record(`s${i}`, hop(`/${i}`))
      expect(store.stats().sessions).toBeLessThanOrEqual(limits.maxSessions)
    }
    expect(['s47', 's48', 's49'].every(store.has)).toBe(true)
    expect(store.has('s0')).toBe(false)

    // Reading counts as use: s47 survives the next newcomer, s48 does not.
    store.read('s47')
    store.open('s50')
    expect(store.has('s47')).toBe(true)
    expect(store.has('s48')).toBe(false)
  })

  it('keeps the newest maxEventsPerSession events of a session, in order, with numbers that keep counting', () => {
    const store = createTraceStore(limits)
    store.open('a')
    for (let i = 1; i <= 12; i++) store.record('a', hop(`/${i}`))
    const read = store.read('a')
    expect(paths(read?.events)).toEqual(['/8', '/9', '/10', '/11', '/12'])
    expect(read?.events.map((event) => event.seq)).toEqual([8, 9, 10, 11, 12])
    expect(read?.next).toBe(12)
    expect(paths(store.read('a', 10)?.events)).toEqual(['/11', '/12'])
  })

  it('caps the bytes of one session, and of all sessions together', () => {
    const store = createTraceStore({ ...limits, maxEventsPerSession: 1000, maxSessionBytes: 20_000, maxTotalBytes: 50_000, maxSessions: 100 })
    for (let s = 0; s < 20; s++) {
      store.open(`s${s}`)
      for (let i = 0; i < 30; i++) store.record(`s${s}`, hop(`/${i}`, 1000))
      expect(store.stats().totalBytes).toBeLessThanOrEqual(50_000)
    }
    const last = store.read('s19')!.events
    expect(last.length).toBeGreaterThan(0)
    expect(last.length).toBeLessThan(30)
    expect(last.at(-1)?.path).toBe('/29')
    expect(store.stats().sessions).toBeLessThan(20)
  })

  it('stays bounded with the real limits under many visitors', () => {
    const store = createTraceStore()
    for (let s = 0; s < TRACE_LIMITS.maxSessions * 3; s++) {
      store.open(`visitor-${s}`)
      for (let i = 0; i < 20; i++) store.record(`visitor-${s}`, hop(`/${i}`, 500))
    }
    expect(store.stats().sessions).toBeLessThanOrEqual(TRACE_LIMITS.maxSessions)
    expect(store.stats().totalBytes).toBeLessThanOrEqual(TRACE_LIMITS.maxTotalBytes)
  })
})

describe('trace store sessions', () => {
  it('records nothing for a session nobody opened, and serves each session only its own events', () => {
    const store = createTraceStore(limits)
    store.record('never-opened', hop('/secret'))
    expect(store.has('never-opened')).toBe(false)
    expect(store.read('never-opened')).toBeNull()

    store.open('alice')
    store.open('bob')
    store.record('alice', hop('/alice'))
    expect(paths(store.read('alice')?.events)).toEqual(['/alice'])
    expect(store.read('bob')?.events).toEqual([])
  })

  it('clear drops the events but not the numbering, so a poll after it misses nothing', () => {
    const store = createTraceStore(limits)
    store.open('a')
    store.record('a', hop('/1'))
    store.record('a', hop('/2'))
    const before = store.stats().totalBytes
    store.clear('a')
    expect(store.stats().totalBytes).toBeLessThan(before)
    store.record('a', hop('/3'))
    expect(store.read('a', 2)?.events.map((event) => [event.seq, event.path])).toEqual([[3, '/3']])
  })

  it('pending request ids: first come keeps it, and the map is capped', () => {
    const store = createTraceStore(limits)
    expect(store.expect('id-1', { session: 'alice', flowId: 'f1' })).toBe(true)
    expect(store.expect('id-1', { session: 'mallory', flowId: 'f2' })).toBe(false)
    expect(store.pendingFlow('id-1')).toEqual({ session: 'alice', flowId: 'f1' })
    for (let i = 2; i <= 10; i++) store.expect(`id-${i}`, { session: 'alice', flowId: 'f' })
    expect(store.stats().pending).toBe(limits.maxPending)
    store.settle('id-1')
    expect(store.pendingFlow('id-1')).toBeUndefined()
  })
})
