import { setTimeout as sleep } from 'node:timers/promises'
import type { Clock } from './clock'
import { problem } from './problem-details'
import type { DemoControls } from './schemas'

export type DemoControlSettings = Omit<DemoControls, 'expiresAt'>

interface Entry extends DemoControlSettings {
  userId: string
  expiresAt: number
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
export function createDemoControlsStore({ lifetimeSeconds, clock, random = Math.random }: Options) {
  const entries = new Map<string, Entry>()

  /** The session's live entry; expired or all-off ones are removed on the way. */
  function live(sessionId: string): Entry | undefined {
    const entry = entries.get(sessionId)
    if (entry && (clock() >= entry.expiresAt || isOff(entry))) {
      entries.delete(sessionId)
      return undefined
    }
    return entry
  }

  function read(sessionId: string): DemoControls {
    const entry = live(sessionId)
    if (!entry) return { ...off, expiresAt: null }
    const { expiresAt, userId: _userId, ...settings } = entry
    return { ...settings, expiresAt: new Date(expiresAt).toISOString() }
  }

  /** Replaces the session's settings and restarts their lifetime. */
  function set(sessionId: string, userId: string, settings: DemoControlSettings): DemoControls {
    // Expired entries of sessions nobody uses any more go here, so memory
    // follows the sessions that set something in the last `lifetimeSeconds`.
    for (const id of entries.keys()) live(id)
    entries.set(sessionId, { ...settings, userId, expiresAt: clock() + lifetimeSeconds * 1000 })
    return read(sessionId)
  }

  function reset(sessionId: string): void {
    entries.delete(sessionId)
  }

  /** Account eviction: its sessions' settings go too. */
  function dropUser(userId: string): void {
    for (const [id, entry] of entries) if (entry.userId === userId) entries.delete(id)
  }

  /**
   * Runs for every request of the session once its bearer token is verified
   * (require-account.ts). Failures are thrown as Responses, like every other
   * error in the mock.
   */
  async function apply(sessionId: string, request: Request): Promise<void> {
    const before = live(sessionId)
    if (!before) return

    // 1. Latency first, so a failure below arrives as late as a real one would.
    //    Rejects if the caller hangs up; handle-request.ts answers nobody then.
    if (before.latencyMs > 0) await sleep(before.latencyMs, undefined, { signal: request.signal })

    // 2. Read again: the reader may have reset the controls while this request waited.
    const entry = live(sessionId)
    if (!entry) return
    if (entry.down) {
      throw problem(503, {
        detail: 'The API is down on purpose: the demo controls of this session say so.',
        headers: { 'Retry-After': String(outageRetryAfterSeconds) },
      })
    }

    // 3. Mutations: the counted failures go first, then the share.
    if (safeMethods.has(request.method)) return
    if (entry.failNextMutations > 0) {
      entry.failNextMutations -= 1
      throw injectedFailure()
    }
    if (entry.failureRate > 0 && random() < entry.failureRate) throw injectedFailure()
  }

  return { read, set, reset, apply, dropUser }
}

export type DemoControlsStore = ReturnType<typeof createDemoControlsStore>

function isOff(settings: DemoControlSettings): boolean {
  return settings.latencyMs === 0 && settings.failNextMutations === 0 && settings.failureRate === 0 && !settings.down
}

// A real unexpected 500 carries only a traceId; this one says it was asked for, so nobody goes bug hunting.
function injectedFailure(): Response {
  return problem(500, { detail: 'Failure injected on purpose by the demo controls of this session.' })
}
