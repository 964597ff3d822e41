import 'server-only'
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

type Stored = { event: TraceEvent; bytes: number }

/** A fixed-capacity ring: pushing onto a full one overwrites the oldest entry. */
class Ring {
  private readonly slots: (Stored | undefined)[]
  private head = 0
  size = 0
  bytes = 0
  nextSeq = 1

  constructor(capacity: number) {
    this.slots = new Array(capacity)
  }

  push(entry: Stored): Stored | undefined {
    const index = (this.head + this.size) % this.slots.length
    const overwritten = this.size === this.slots.length ? this.slots[index] : undefined
    this.slots[index] = entry
    if (overwritten) this.head = (this.head + 1) % this.slots.length
    else this.size++
    this.bytes += entry.bytes - (overwritten?.bytes ?? 0)
    return overwritten
  }

  dropOldest(): Stored | undefined {
    if (this.size === 0) return undefined
    const oldest = this.slots[this.head]
    this.slots[this.head] = undefined
    this.head = (this.head + 1) % this.slots.length
    this.size--
    this.bytes -= oldest?.bytes ?? 0
    return oldest
  }

  *entries() {
    for (let i = 0; i < this.size; i++) yield this.slots[(this.head + i) % this.slots.length]!
  }
}

// #region store
/**
 * Every visitor's recent hops, in memory, bounded three ways: events per
 * session (a ring), bytes per session, and sessions and bytes overall (least
 * recently used first). A session exists only once its visitor's inspector
 * has asked for it; hops of anyone else are not recorded at all.
 */
export function createTraceStore(limits: TraceLimits = TRACE_LIMITS) {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const sessions = new Map<string, Ring>()
  const pending = new Map<string, PendingFlow>()
  // Upload grants (by their token's hash) issued to a traced visitor, until the browser's upload presents one.
  const uploads = new Map<string, PendingFlow>()
  let totalBytes = 0

  function touch(id: string): Ring | undefined {
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
    has: (id: string) => sessions.has(id),

    /** Starts recording for a session (the visitor's inspector asked), or keeps it fresh. */
    open(id: string) {
      if (touch(id)) return
      sessions.set(id, new Ring(limits.maxEventsPerSession))
      evictLeastRecent()
    },

    /** Adds an event to an open session; a closed or evicted one records nothing. */
    record(id: string, event: Omit<TraceEvent, 'seq'>) {
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
    read(id: string, after = 0) {
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
    clear(id: string): number {
      const ring = sessions.get(id)
      if (!ring) return 0
      totalBytes -= ring.bytes
      while (ring.dropOldest());
      return ring.nextSeq - 1
    },

    /** Remembers which flow a request id belongs to, so the API's side can join it. */
    expect(requestId: string, flow: PendingFlow): boolean {
      // First come keeps it: a second caller reusing an id must not take over another's hop.
      if (pending.has(requestId) || pending.size >= limits.maxPending) return false
      pending.set(requestId, flow)
      return true
    },
    pendingFlow: (requestId: string) => pending.get(requestId),
    settle: (requestId: string) => void pending.delete(requestId),

    /**
     * The direct upload (Workflow E) carries no request id and, from another
     * origin, no cookie: the grant's token is what ties it to the visitor who
     * asked for the grant. Bounded like `pending`, the oldest going first,
     * since most grants are used within seconds and the rest expire unused.
     */
    expectUpload(tokenHash: string, flow: PendingFlow) {
      if (uploads.size >= limits.maxPending) uploads.delete(uploads.keys().next().value!)
      uploads.set(tokenHash, flow)
    },
    /** The visitor a token was issued to, once: a token is used once. */
    takeUpload(tokenHash: string): PendingFlow | undefined {
      const flow = uploads.get(tokenHash)
      uploads.delete(tokenHash)
      return flow
    },

    stats: () => ({ sessions: sessions.size, totalBytes, pending: pending.size, uploads: uploads.size }),
  }
}
// #endregion store

export type TraceStore = ReturnType<typeof createTraceStore>

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
type GlobalWithStore = typeof globalThis & { [globalKey]?: TraceStore }

export function getTraceStore(): TraceStore {
  return ((globalThis as GlobalWithStore)[globalKey] ??= createTraceStore())
}
