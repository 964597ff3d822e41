import { setTimeout as sleep } from 'node:timers/promises'
import type { Clock } from './clock'
import { problem } from './problem-details'
import type { DemoControls } from './schemas'

export type DemoControlSettings = Omit<DemoControls, 'expiresAt'>

export interface DemoControlsEntry extends DemoControlSettings {
  userId: string
  expiresAt: number
}

/**
 * Where the entries live: this file's map (memoryDemoControlsEntries), or
 * Redis (redis-demo-controls-entries.ts). The rules stay in
 * createDemoControls, one copy for both.
 */
export interface DemoControlsEntries {
  /** The session's live entry: an expired or all-off one reads as none. */
  get(sessionId: string): Promise<DemoControlsEntry | undefined>
  put(sessionId: string, entry: DemoControlsEntry): Promise<void>
  delete(sessionId: string): Promise<void>
  dropUser(userId: string): Promise<void>
  /** Takes one counted failure, if the live entry has one left, in one step: two requests never take the same one. */
  takeFailure(sessionId: string): Promise<boolean>
}

export interface DemoControlsStore {
  read(sessionId: string): Promise<DemoControls>
  /** Replaces the session's settings and restarts their lifetime. */
  set(sessionId: string, userId: string, settings: DemoControlSettings): Promise<DemoControls>
  reset(sessionId: string): Promise<void>
  /**
   * Runs for every request of the session once its bearer token is verified
   * (require-account.ts). Failures are thrown as Responses, like every other
   * error in the mock.
   */
  apply(sessionId: string, request: Request): Promise<void>
  /** Account eviction: its sessions' settings go too. */
  dropUser(userId: string): Promise<void>
}

interface Options {
  /** How long settings stay on after they were last set (`demoControlsSeconds`). */
  lifetimeSeconds: number
  clock: Clock
  /** Decides the failureRate draws; tests pass a fixed one. */
  random?: () => number
}

const off: DemoControlSettings = { latencyMs: 0, failNextMutations: 0, failureRate: 0, down: false }

// Short on purpose: a client that honours it notices soon after the reader switches "down" off.
const outageRetryAfterSeconds = 5
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Failure the reader asks for, per session (the token family, `sid`):
 * latency, failing mutations, an outage. Per session rather than per account,
 * because many visitors share the demo account: one who switches the API
 * "down" must not take it down for the others. Settings switch themselves off
 * `lifetimeSeconds` after they were last set. One entry per session at most,
 * dropped on expiry, on reset and when the account is evicted.
 */
export function createDemoControlsStore(options: Options): DemoControlsStore {
  return createDemoControls(memoryDemoControlsEntries(options.clock), options)
}

/** The rules, over either kind of entries. */
export function createDemoControls(entries: DemoControlsEntries, { lifetimeSeconds, clock, random = Math.random }: Options): DemoControlsStore {
  async function read(sessionId: string): Promise<DemoControls> {
    const entry = await entries.get(sessionId)
    if (!entry) return { ...off, expiresAt: null }
    const { expiresAt, userId: _userId, ...settings } = entry
    return { ...settings, expiresAt: new Date(expiresAt).toISOString() }
  }

  async function apply(sessionId: string, request: Request): Promise<void> {
    const before = await entries.get(sessionId)
    if (!before) return

    // 1. Latency first, so a failure below arrives as late as a real one would.
    //    Rejects if the caller hangs up; handle-request.ts answers nobody then.
    if (before.latencyMs > 0) await sleep(before.latencyMs, undefined, { signal: request.signal })

    // 2. Read again: the reader may have reset the controls while this request waited.
    const entry = before.latencyMs > 0 ? await entries.get(sessionId) : before
    if (!entry) return
    if (entry.down) {
      throw problem(503, {
        detail: 'The API is down on purpose: the demo controls of this session say so.',
        headers: { 'Retry-After': String(outageRetryAfterSeconds) },
      })
    }

    // 3. Mutations: the counted failures go first, then the share.
    if (safeMethods.has(request.method)) return
    if (entry.failNextMutations > 0 && (await entries.takeFailure(sessionId))) throw injectedFailure()
    if (entry.failureRate > 0 && random() < entry.failureRate) throw injectedFailure()
  }

  return {
    read,
    async set(sessionId, userId, settings) {
      await entries.put(sessionId, { ...settings, userId, expiresAt: clock() + lifetimeSeconds * 1000 })
      return read(sessionId)
    },
    reset: (sessionId) => entries.delete(sessionId),
    apply,
    dropUser: (userId) => entries.dropUser(userId),
  }
}

/** In process memory: the default, and the reference the Redis entries are tested against. */
export function memoryDemoControlsEntries(clock: Clock): DemoControlsEntries {
  const entries = new Map<string, DemoControlsEntry>()

  function live(sessionId: string): DemoControlsEntry | undefined {
    const entry = entries.get(sessionId)
    if (entry && (clock() >= entry.expiresAt || isOff(entry))) {
      entries.delete(sessionId)
      return undefined
    }
    return entry
  }

  return {
    async get(sessionId) {
      const entry = live(sessionId)
      return entry && { ...entry }
    },
    async put(sessionId, entry) {
      // Expired entries of sessions nobody uses any more go here, so memory
      // follows the sessions that set something in the last `lifetimeSeconds`.
      for (const id of entries.keys()) live(id)
      entries.set(sessionId, entry)
    },
    async delete(sessionId) {
      entries.delete(sessionId)
    },
    async dropUser(userId) {
      for (const [id, entry] of entries) if (entry.userId === userId) entries.delete(id)
    },
    async takeFailure(sessionId) {
      const entry = live(sessionId)
      if (!entry || entry.failNextMutations <= 0) return false
      entry.failNextMutations -= 1
      return true
    },
  }
}

export function isOff(settings: DemoControlSettings): boolean {
  return settings.latencyMs === 0 && settings.failNextMutations === 0 && settings.failureRate === 0 && !settings.down
}

// A real unexpected 500 carries only a traceId; this one says it was asked for, so nobody goes bug hunting.
function injectedFailure(): Response {
  return problem(500, { detail: 'Failure injected on purpose by the demo controls of this session.' })
}
