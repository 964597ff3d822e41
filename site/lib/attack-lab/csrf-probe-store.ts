import 'server-only'

/** What one cross-site attempt carried when it reached this site. Booleans only: never a cookie's value. */
export type ProbeRecord = { attempt: string; cookieSent: boolean; antiForgeryHeader: boolean; fetchSite: string | null; at: number }

const MAX_RUNS = 500
const MAX_RECORDS_PER_RUN = 20
const RUN_SECONDS = 600

// On globalThis so a development reload keeps the runs. Bounded: oldest runs go first.
const store = globalThis as typeof globalThis & { csrfProbeRuns?: Map<string, ProbeRecord[]> }
const runs = (store.csrfProbeRuns ??= new Map<string, ProbeRecord[]>())

export function recordProbe(run: string, record: ProbeRecord) {
  const records = runs.get(run) ?? []
  if (!runs.has(run)) {
    for (const key of runs.keys()) {
      if (runs.size < MAX_RUNS) break
      runs.delete(key)
    }
    runs.set(run, records)
  }
  if (records.length < MAX_RECORDS_PER_RUN) records.push(record)
}

export function readProbe(run: string): ProbeRecord[] {
  const records = runs.get(run) ?? []
  return records.filter((record) => Date.now() - record.at < RUN_SECONDS * 1000)
}
