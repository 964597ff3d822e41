import { useSyncExternalStore } from 'react'

// Every experiment's fake API goes through here: a latency and a failure switch
// you flip in the preview, and a log of each request, so slow and failing
// requests can be watched on purpose. Nothing leaves the sandbox.

export type NetworkSettings = { latencyMs: number; failing: boolean }
export type LoggedRequest = { id: number; label: string; status?: number }

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const LATENCIES = [0, 300, 600, 1500, 3000]
const DEFAULTS: NetworkSettings = { latencyMs: 600, failing: false }

let settings = DEFAULTS
let requests: LoggedRequest[] = []
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

function emit() {
  for (const listener of listeners) listener()
}

export function setNetwork(changes: Partial<NetworkSettings>) {
  settings = { ...settings, ...changes }
  emit()
}

/** One request: wait, fail if the switch is on (reads can opt out), else answer. */
export async function fakeRequest<T>(label: string, respond: () => T, { canFail = true } = {}): Promise<T> {
  const id = requests.length + 1
  requests = [...requests, { id, label }]
  emit()
  await new Promise((resolve) => setTimeout(resolve, settings.latencyMs))
  let status = 200
  try {
    if (canFail && settings.failing) throw new HttpError(503, 'The API is unavailable (the failure switch is on).')
    return respond()
  } catch (error) {
    status = error instanceof HttpError ? error.status : 500
    throw error
  } finally {
    requests = requests.map((request) => (request.id === id ? { ...request, status } : request))
    emit()
    console.info(`${label} → ${status}`)
  }
}

export function NetworkSwitches() {
  const current = useSyncExternalStore(subscribe, () => settings)
  return (
    <fieldset>
      <legend>Fake API</legend>
      <label>
        Latency
        <select value={current.latencyMs} onChange={(event) => setNetwork({ latencyMs: Number(event.target.value) })}>
          {LATENCIES.map((ms) => <option key={ms} value={ms}>{ms} ms</option>)}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={current.failing} onChange={(event) => setNetwork({ failing: event.target.checked })} />
        Fail requests
      </label>
    </fieldset>
  )
}

export function RequestLog() {
  const log = useSyncExternalStore(subscribe, () => requests)
  return (
    <section aria-labelledby="request-log">
      <h2 id="request-log">Requests</h2>
      {log.length === 0 && <p>None yet.</p>}
      <ol className="log">
        {log.map((request) => <li key={request.id}>{request.label} {request.status ? `→ ${request.status}` : '…'}</li>)}
      </ol>
    </section>
  )
}
