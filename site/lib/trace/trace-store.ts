import 'server-only'
import type { BffRedis } from '@/demos/lib/redis/connect-redis'
import { getBffRedis } from '@/demos/lib/redis/get-bff-redis'
import { createRedisTraceStore } from './redis-trace-store'
import { TraceRing } from './trace-ring'
import type { TraceEvent } from './trace-types'

export type TraceLimits = {
  /** Sessions kept at once; the least recently used goes first. */
  maxSessions: number
  /** Events kept per session; the oldest goes first. */
  maxEventsPerSession: number
  /** Bytes (estimated) per session, on top of the event count. */
  maxSessionBytes: number
  /** Bytes (estimated) across all sessions. */
  maxTotalBytes: number
  /** BFF→API calls waiting for the API's side of the hop. */
  maxPending: number
}

// #region limits
export const TRACE_LIMITS: TraceLimits = {
  maxSessions: 500,
  // A refresh race alone is over 100 events; a reader should see all of it.
  maxEventsPerSession: 500,
  maxSessionBytes: 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxPending: 2000,
}
// #endregion limits

/** Which session and flow a BFF→API request id belongs to, until its answer arrives. */
export type PendingFlow = { session: string; flowId: string }

/**
 * The traces of every visitor whose inspector is open: in this process's
 * memory (below), or in Redis when REDIS_URL is set (redis-trace-store.ts), so
 * the panel shows the hops of every instance whichever one it asks.
 * Asynchronous for Redis's sake; a Redis store rejects with
 * RedisUnavailableError when it cannot be asked.
 */
export type TraceStore = {
  has(id: string): Promise<boolean>
  open(id: string): Promise<void>
  record(id: string, event: Omit<TraceEvent, 'seq'>): Promise<void>
  read(id: string, after?: number): Promise<{ events: TraceEvent[]; next: number } | null>
  clear(id: string): Promise<number>
  expect(requestId: string, flow: PendingFlow): Promise<boolean>
  pendingFlow(requestId: string): Promise<PendingFlow | undefined>
  settle(requestId: string): Promise<void>
  expectUpload(tokenHash: string, flow: PendingFlow): Promise<void>
  takeUpload(tokenHash: string): Promise<PendingFlow | undefined>
  stats(): Promise<{ sessions: number }>
}

// #region store
/**
 * Every visitor's recent hops, in this process's memory, bounded three ways: events per
 * session (a ring), bytes per session, and sessions and bytes overall (least
 * recently used first). A session exists only once its visitor's inspector
 * has asked for it; hops of anyone else are not recorded at all.
 */
export function createTraceStore(limits: TraceLimits = TRACE_LIMITS) {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const sessions = new Map<string, TraceRing>()
  const pending = new Map<string, PendingFlow>()
  // Upload grants (by their token's hash) issued to a traced visitor, until the browser's upload presents one.
  const uploads = new Map<string, PendingFlow>()
  let totalBytes = 0

  function touch(id: string): TraceRing | undefined {
    const ring = sessions.get(id)
    if (ring) {
      sessions.delete(id)
      sessions.set(id, ring)
    }
    return ring
  }

  function evict(id: string) {
    const ring = sessions.get(id)
    if (!ring) return
    totalBytes -= ring.bytes
    sessions.delete(id)
  }

  function evictLeastRecent() {
    while (sessions.size > limits.maxSessions || (totalBytes > limits.maxTotalBytes && sessions.size > 1)) {
      evict(sessions.keys().next().value!)
    }
  }

  return {
    has: async (id: string) => sessions.has(id),

    /** Starts recording for a session (the visitor's inspector asked), or keeps it fresh. */
    async open(id: string) {
      if (touch(id)) return
      sessions.set(id, new TraceRing(limits.maxEventsPerSession))
      evictLeastRecent()
    },

    /** Adds an event to an open session; a closed or evicted one records nothing. */
    async record(id: string, event: Omit<TraceEvent, 'seq'>) {
      const ring = touch(id)
      if (!ring) return
      const stored = { event: { ...event, seq: ring.nextSeq++ }, bytes: estimateBytes(event) }
      const before = ring.bytes
      ring.push(stored)
      while (ring.bytes > limits.maxSessionBytes && ring.size > 1) ring.dropOldest()
      totalBytes += ring.bytes - before
      evictLeastRecent()
    },

    /** The session's events after `after`, oldest first, and the seq to ask after next time. */
    async read(id: string, after = 0) {
      const ring = touch(id)
      if (!ring) return null
      const events: TraceEvent[] = []
      for (const { event } of ring.entries()) if (event.seq > after) events.push(event)
      return { events, next: ring.nextSeq - 1 }
    },

    /**
     * Drops a session's events and returns the last number dropped. Numbers are
     * not reused, so a poll after it misses nothing.
     */
    async clear(id: string): Promise<number> {
      const ring = sessions.get(id)
      if (!ring) return 0
      totalBytes -= ring.bytes
      while (ring.dropOldest());
      return ring.nextSeq - 1
    },

    /** Remembers which flow a request id belongs to, so the API's side can join it. */
    async expect(requestId: string, flow: PendingFlow): Promise<boolean> {
      // First come keeps it: a second caller reusing an id must not take over another's hop.
      if (pending.has(requestId) || pending.size >= limits.maxPending) return false
      pending.set(requestId, flow)
      return true
    },
    pendingFlow: async (requestId: string) => pending.get(requestId),
    settle: async (requestId: string) => void pending.delete(requestId),

    /**
     * The direct upload (Workflow E) carries no request id and, from another
     * origin, no cookie: the grant's token is what ties it to the visitor who
     * asked for the grant. Bounded like `pending`, the oldest going first,
     * since most grants are used within seconds and the rest expire unused.
     */
    async expectUpload(tokenHash: string, flow: PendingFlow) {
      if (uploads.size >= limits.maxPending) uploads.delete(uploads.keys().next().value!)
      uploads.set(tokenHash, flow)
    },
    /** The visitor a token was issued to, once: a token is used once. */
    async takeUpload(tokenHash: string): Promise<PendingFlow | undefined> {
      const flow = uploads.get(tokenHash)
      uploads.delete(tokenHash)
      return flow
    },

    stats: async () => ({ sessions: sessions.size, totalBytes, pending: pending.size, uploads: uploads.size }),
  } satisfies TraceStore
}
// #endregion store

/** Strings dominate an event's size; counting them is close enough and costs no serialisation. */
function estimateBytes(event: Omit<TraceEvent, 'seq'>): number {
  let bytes = 256 + event.path.length + event.flowId.length + event.note.text.length + event.note.href.length
  for (const [name, value] of event.requestHeaders) bytes += name.length + value.length + 16
  for (const [name, value] of event.responseHeaders) bytes += name.length + value.length + 16
  bytes += (event.requestBody?.length ?? 0) + (event.responseBody?.length ?? 0) + (event.page?.length ?? 0)
  return bytes * 2 // UTF-16
}

// On globalThis: route handlers, proxy.ts and the mock API's route are bundled
// separately, and all of them must write to the one store the panel reads.
const globalKey = Symbol.for('bff-jwt-reference.trace-store')
type GlobalWithStore = typeof globalThis & { [globalKey]?: { redis: BffRedis | null; store: TraceStore } }

/** The one place that picks where traces live: Redis when REDIS_URL is set, else this process. */
export function getTraceStore(): TraceStore {
  const redis = getBffRedis()
  const global = globalThis as GlobalWithStore
  let held = global[globalKey]
  if (held?.redis !== redis) held = global[globalKey] = { redis, store: redis ? createRedisTraceStore(redis, TRACE_LIMITS) : createTraceStore() }
  return held.store
}

/**
 * Whether a request belongs to a traced visitor. The inspector must never
 * break the app: if its store cannot be asked, the request goes on untraced
 * (the panel's own requests get the 503 and say so).
 */
export async function isTraced(session: string | null): Promise<boolean> {
  if (!session) return false
  return getTraceStore()
    .has(session)
    .catch(() => false)
}
