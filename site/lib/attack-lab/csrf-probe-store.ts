import 'server-only'
import type { BffRedis } from '@/demos/lib/redis/connect-redis'
import { getBffRedis } from '@/demos/lib/redis/get-bff-redis'

/** What one cross-site attempt carried when it reached this site. Booleans only: never a cookie's value. */
export type ProbeRecord = { attempt: string; cookieSent: boolean; antiForgeryHeader: boolean; fetchSite: string | null; at: number }

/** The attack lab's witness notes, per run: in memory, or in Redis when REDIS_URL is set (any instance may get the probe). */
export type ProbeStore = {
  record(run: string, record: ProbeRecord): Promise<void>
  read(run: string): Promise<ProbeRecord[]>
}

const MAX_RUNS = 500
const MAX_RECORDS_PER_RUN = 20
const RUN_SECONDS = 600

const fresh = (records: ProbeRecord[]) => records.filter((record) => Date.now() - record.at < RUN_SECONDS * 1000)

/** Bounded: the oldest runs go first, and a run keeps its first records. */
export function createMemoryProbeStore(): ProbeStore {
  const runs = new Map<string, ProbeRecord[]>()
  return {
    async record(run, record) {
      const records = runs.get(run) ?? []
      if (!runs.has(run)) {
        for (const key of runs.keys()) {
          if (runs.size < MAX_RUNS) break
          runs.delete(key)
        }
        runs.set(run, records)
      }
      if (records.length < MAX_RECORDS_PER_RUN) records.push(record)
    },
    read: async (run) => fresh(runs.get(run) ?? []),
  }
}

// One script: checking the length and appending cannot interleave with another
// instance's probe, so a run never holds more than its cap.
const RECORD = `
if redis.call('LLEN', KEYS[1]) < tonumber(ARGV[2]) then redis.call('RPUSH', KEYS[1], ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`

/** One capped list per run (`site:lab:csrf:<run>`), expiring with the run: the number of runs is bounded by time. */
export function createRedisProbeStore(redis: BffRedis, prefix = 'site:lab:csrf:'): ProbeStore {
  return {
    async record(run, record) {
      const args = [JSON.stringify(record), String(MAX_RECORDS_PER_RUN), String(RUN_SECONDS * 1000)]
      await redis.run((client) => client.eval(RECORD, { keys: [`${prefix}${run}`], arguments: args }))
    },
    async read(run) {
      const values = await redis.run((client) => client.lRange(`${prefix}${run}`, 0, -1))
      return fresh(values.map((value) => JSON.parse(value) as ProbeRecord))
    },
  }
}

// On globalThis so a development reload keeps the runs; made again only if the Redis connection changed.
const globalKey = Symbol.for('bff-jwt-reference.csrf-probe-store')
type GlobalWithStore = typeof globalThis & { [globalKey]?: { redis: BffRedis | null; store: ProbeStore } }

export function getProbeStore(): ProbeStore {
  const redis = getBffRedis()
  const global = globalThis as GlobalWithStore
  let held = global[globalKey]
  if (held?.redis !== redis) held = global[globalKey] = { redis, store: redis ? createRedisProbeStore(redis) : createMemoryProbeStore() }
  return held.store
}
