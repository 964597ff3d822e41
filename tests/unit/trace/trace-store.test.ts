import { afterAll, describe, expect, inject, it } from 'vitest'
import { connectRedis } from '@/demos/lib/redis/connect-redis'
import { createRedisTraceStore, SESSION_IDLE_MS } from '@/site/lib/trace/redis-trace-store'
import { createTraceStore, TRACE_LIMITS, type TraceLimits, type TraceStore } from '@/site/lib/trace/trace-store'
import type { TraceEvent } from '@/site/lib/trace/trace-types'

const limits: TraceLimits = { maxSessions: 3, maxEventsPerSession: 5, maxSessionBytes: 64 * 1024, maxTotalBytes: 1024 * 1024, maxPending: 4 }

// Two instances on one Redis are two connections; each store its own key prefix, so tests never share keys.
const redisA = connectRedis(inject('redisUrl'))
const redisB = connectRedis(inject('redisUrl'))
afterAll(() => Promise.all([redisA.close(), redisB.close()]))
const prefix = () => `test:trace-store:${crypto.randomUUID()}:`

function hop(path: string, bodyChars = 0): Omit<TraceEvent, 'seq'> {
  return {
    flowId: 'flow',
    source: 'proxy-route',
    from: 'browser',
    to: 'bff',
    method: 'GET',
    path,
    status: 200,
    start: 1732912345678.125,
    durationMs: 1,
    requestHeaders: [],
    responseHeaders: [],
    responseBody: 'x'.repeat(bodyChars),
    note: { text: 'note', href: '/wire-inspector' },
  }
}

const paths = (events: TraceEvent[] | undefined) => events?.map((event) => event.path)

const implementations: [string, (limits: TraceLimits) => TraceStore][] = [
  ['in memory', (chosen) => createTraceStore(chosen)],
  ['in Redis', (chosen) => createRedisTraceStore(redisA, chosen, prefix())],
]

describe.each(implementations)('trace store %s', (_, make) => {
  it('keeps at most maxSessions sessions, dropping the least recently used', async () => {
    const store = make(limits)
    for (let i = 0; i < 12; i++) {
      await store.open(`s${i}`)
      await store.record(`s${i}`, hop(`/${i}`))
      expect((await store.stats()).sessions).toBeLessThanOrEqual(limits.maxSessions)
    }
    expect([await store.has('s9'), await store.has('s10'), await store.has('s11'), await store.has('s0')]).toEqual([true, true, true, false])
    // Reading counts as use: s9 survives the next newcomer, s10 does not.
    await store.read('s9')
    await store.open('s12')
    expect(await store.has('s9')).toBe(true)
    expect(await store.has('s10')).toBe(false)
  })

  it('keeps the newest maxEventsPerSession events of a session, in order, with numbers that keep counting', async () => {
    const store = make(limits)
    await store.open('a')
    for (let i = 1; i <= 12; i++) await store.record('a', hop(`/${i}`))
    const read = await store.read('a')
    expect(paths(read?.events)).toEqual(['/8', '/9', '/10', '/11', '/12'])
    expect(read?.events.map((event) => event.seq)).toEqual([8, 9, 10, 11, 12])
    expect(read?.next).toBe(12)
    expect(paths((await store.read('a', 10))?.events)).toEqual(['/11', '/12'])
    expect((await store.read('a', 12))?.events).toEqual([])
    // An event comes back as it went in, to the sub-millisecond start.
    expect(read?.events[0]).toEqual({ ...hop('/8'), seq: 8 })
  })

  it('caps the bytes of one session, keeping the newest', async () => {
    const store = make({ ...limits, maxEventsPerSession: 1000, maxSessionBytes: 20_000 })
    await store.open('big')
    for (let i = 0; i < 30; i++) await store.record('big', hop(`/${i}`, 1000))
    const events = (await store.read('big'))!.events
    expect(events.length).toBeGreaterThan(0)
    expect(events.length).toBeLessThan(30)
    expect(events.at(-1)?.path).toBe('/29')
  })

  it('records nothing for a session nobody opened, and serves each session only its own events', async () => {
    const store = make(limits)
    await store.record('never-opened', hop('/secret'))
    expect(await store.has('never-opened')).toBe(false)
    expect(await store.read('never-opened')).toBeNull()

    await store.open('alice')
    await store.open('bob')
    await store.record('alice', hop('/alice'))
    expect(paths((await store.read('alice'))?.events)).toEqual(['/alice'])
    expect((await store.read('bob'))?.events).toEqual([])
  })

  it('clear drops the events but not the numbering, so a poll after it misses nothing', async () => {
    const store = make(limits)
    await store.open('a')
    await store.record('a', hop('/1'))
    await store.record('a', hop('/2'))
    expect(await store.clear('a')).toBe(2)
    expect((await store.read('a'))?.events).toEqual([])
    await store.record('a', hop('/3'))
    expect((await store.read('a', 2))?.events.map((event) => [event.seq, event.path])).toEqual([[3, '/3']])
    expect(await store.clear('never-opened')).toBe(0)
  })

  it('pending request ids: first come keeps it until settled', async () => {
    const store = make(limits)
    const id = crypto.randomUUID()
    expect(await store.expect(id, { session: 'alice', flowId: 'f1' })).toBe(true)
    expect(await store.expect(id, { session: 'mallory', flowId: 'f2' })).toBe(false)
    expect(await store.pendingFlow(id)).toEqual({ session: 'alice', flowId: 'f1' })
    await store.settle(id)
    expect(await store.pendingFlow(id)).toBeUndefined()
  })

  it('an upload token names its visitor once', async () => {
    const store = make(limits)
    await store.expectUpload('hash-1', { session: 'alice', flowId: 'f' })
    expect(await store.takeUpload('hash-1')).toEqual({ session: 'alice', flowId: 'f' })
    expect(await store.takeUpload('hash-1')).toBeUndefined()
  })
})

describe('trace store in memory', () => {
  it('caps the bytes of all sessions together', async () => {
    const store = createTraceStore({ ...limits, maxEventsPerSession: 1000, maxSessionBytes: 20_000, maxTotalBytes: 50_000, maxSessions: 100 })
    for (let s = 0; s < 20; s++) {
      await store.open(`s${s}`)
      for (let i = 0; i < 30; i++) await store.record(`s${s}`, hop(`/${i}`, 1000))
      expect((await store.stats()).totalBytes).toBeLessThanOrEqual(50_000)
    }
    expect((await store.stats()).sessions).toBeLessThan(20)
  })

  it('stays bounded with the real limits under many visitors', async () => {
    const store = createTraceStore()
    for (let s = 0; s < TRACE_LIMITS.maxSessions * 3; s++) {
      await store.open(`visitor-${s}`)
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.record(`visitor-${s}`, hop(`/${i}`, 500))))
    }
    const stats = await store.stats()
    expect(stats.sessions).toBeLessThanOrEqual(TRACE_LIMITS.maxSessions)
    expect(stats.totalBytes).toBeLessThanOrEqual(TRACE_LIMITS.maxTotalBytes)
  })

  it('caps the pending request ids', async () => {
    const store = createTraceStore(limits)
    for (let i = 1; i <= 10; i++) await store.expect(`id-${i}`, { session: 'alice', flowId: 'f' })
    expect((await store.stats()).pending).toBe(limits.maxPending)
  })
})

describe('trace store in Redis', () => {
  it('a session opened on one instance records and reads on the other', async () => {
    const shared = prefix()
    const [onA, onB] = [createRedisTraceStore(redisA, limits, shared), createRedisTraceStore(redisB, limits, shared)]
    await onA.open('visitor')
    await onB.record('visitor', hop('/from-b'))
    await onA.record('visitor', hop('/from-a'))
    expect(paths((await onB.read('visitor'))?.events)).toEqual(['/from-b', '/from-a'])
  })

  it('numbers and caps 100 events sent at once from two instances without a gap or a duplicate', async () => {
    const shared = prefix()
    const [onA, onB] = [createRedisTraceStore(redisA, { ...limits, maxEventsPerSession: 50 }, shared), createRedisTraceStore(redisB, { ...limits, maxEventsPerSession: 50 }, shared)]
    await onA.open('busy')
    await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? onA : onB).record('busy', hop(`/${i}`))))
    const read = (await onA.read('busy'))!
    expect(read.next).toBe(100)
    expect(read.events.map((event) => event.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i))
    expect(new Set(paths(read.events)).size).toBe(50)
  })

  it('gives every key it writes a TTL, so volatile-lru may evict any of them', async () => {
    const shared = prefix()
    const store = createRedisTraceStore(redisA, limits, shared)
    await store.open('ttl')
    await store.record('ttl', hop('/1'))
    await store.expect(`req-${crypto.randomUUID()}`, { session: 'ttl', flowId: 'f' })
    await store.expectUpload('hash', { session: 'ttl', flowId: 'f' })
    const keys = await redisA.run((client) => client.keys(`${shared}*`))
    expect(keys.length).toBe(5)
    for (const key of keys) {
      const ttl = await redisA.run((client) => client.pTTL(key))
      expect(ttl, key).toBeGreaterThan(0)
      expect(ttl, key).toBeLessThanOrEqual(SESSION_IDLE_MS)
    }
  })

  it('rejects with RedisUnavailableError when Redis cannot be reached', async () => {
    const down = connectRedis('redis://127.0.0.1:1', { timeoutMs: 200, firstConnectMs: 200 })
    try {
      await expect(createRedisTraceStore(down, limits, prefix()).has('x')).rejects.toThrow('The shared store (Redis) is unavailable.')
    } finally {
      await down.close()
    }
  })
})
