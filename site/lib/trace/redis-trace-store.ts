import 'server-only'
import { API_TIMEOUT_MS } from '@/demos/lib/http/api-config'
import type { BffRedis } from '@/demos/lib/redis/connect-redis'
import type { PendingFlow, TraceLimits, TraceStore } from './trace-store'
import type { TraceEvent } from './trace-types'

// #region redis-trace-keys
/**
 * The wire inspector's keys, under `site:trace:` by default, all with a TTL:
 *   s:<session>        hash {seq, bytes}: the session exists while this does
 *   e:<session>        list of "<seq> <event JSON>", oldest first, capped in
 *                      count and bytes; both expire after SESSION_IDLE_MS unused
 *   index              sorted set session → last use, for the sessions cap
 *   pending:<request>  the flow a BFF→API request belongs to, for that call's life
 *   upload:<hash>      the visitor an upload token was granted to, until used
 */
export const SESSION_IDLE_MS = 60 * 60 * 1000
const PENDING_MS = API_TIMEOUT_MS + 5000
const UPLOAD_MS = 10 * 60 * 1000
// #endregion redis-trace-keys


// Shared by the scripts: keep the session, its events and its place in the index fresh.
const TOUCH = `
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[1])
`
// Opening is one script so the sessions cap holds under concurrent opens:
// forget index entries whose keys have expired, then drop the least recently
// used sessions past the cap. The dropped sessions' keys are named here rather
// than passed in, which a single Redis allows (a Cluster would not).
const OPEN = `
redis.call('HSETNX', KEYS[1], 'seq', 0)
redis.call('HSETNX', KEYS[1], 'bytes', 0)
${TOUCH}
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[1]))
local over = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[4])
if over > 0 then
  local dropped = redis.call('ZPOPMIN', KEYS[3], over)
  for i = 1, #dropped, 2 do
    redis.call('DEL', ARGV[5] .. 's:' .. dropped[i], ARGV[5] .. 'e:' .. dropped[i])
  end
end
return 1
`
// One script per event: numbering, appending and the two caps cannot interleave
// with another instance's event for the same session. The count cap pops rather
// than LTRIMs because the byte count needs the size of what leaves.
const RECORD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local entry = seq .. ' ' .. ARGV[4]
local length = redis.call('RPUSH', KEYS[2], entry)
local bytes = redis.call('HINCRBY', KEYS[1], 'bytes', #entry)
while length > 1 and (length > tonumber(ARGV[5]) or bytes > tonumber(ARGV[6])) do
  bytes = redis.call('HINCRBY', KEYS[1], 'bytes', -#redis.call('LPOP', KEYS[2]))
  length = length - 1
end
${TOUCH}
return seq
`
// Numbers are consecutive in the list (only the oldest leave, and clear empties
// it), so the events after `after` start at a known index: a poll reads only
// what is new, not the whole session.
const READ = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
${TOUCH}
local seq = tonumber(redis.call('HGET', KEYS[1], 'seq'))
local first = seq - redis.call('LLEN', KEYS[2]) + 1
return { seq, redis.call('LRANGE', KEYS[2], math.max(0, tonumber(ARGV[4]) + 1 - first), -1) }
`
const CLEAR = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'bytes', 0)
return tonumber(redis.call('HGET', KEYS[1], 'seq'))
`

/**
 * The trace store in Redis, shared by every instance: bounded per session
 * like the memory store (events and bytes), in sessions by the index, and in
 * time by TTLs. The memory store's total-bytes cap is Redis's maxmemory here.
 */
export function createRedisTraceStore(redis: BffRedis, limits: TraceLimits, prefix = 'site:trace:'): TraceStore {
  const index = `${prefix}index`
  const keys = (id: string) => [`${prefix}s:${id}`, `${prefix}e:${id}`, index]
  // Sub-millisecond, so sessions opened in the same millisecond still have an order.
  const touch = (id: string) => [String(SESSION_IDLE_MS), String(performance.timeOrigin + performance.now()), id]
  const script = (source: string, id: string, ...extra: string[]) =>
    redis.run((client) => client.eval(source, { keys: keys(id), arguments: [...touch(id), ...extra] }))
  const flowOf = (value: string | null): PendingFlow | undefined => (value ? (JSON.parse(value) as PendingFlow) : undefined)

  return {
    has: async (id) => (await redis.run((client) => client.exists(`${prefix}s:${id}`))) === 1,
    open: async (id) => void (await script(OPEN, id, String(limits.maxSessions), prefix)),
    record: async (id, event) => void (await script(RECORD, id, JSON.stringify(event), String(limits.maxEventsPerSession), String(limits.maxSessionBytes))),

    async read(id, after = 0) {
      const found = (await script(READ, id, String(after))) as [number, string[]] | null
      if (!found) return null
      const [next, entries] = found
      const events = entries.map((entry) => {
        const space = entry.indexOf(' ')
        return { ...(JSON.parse(entry.slice(space + 1)) as Omit<TraceEvent, 'seq'>), seq: Number(entry.slice(0, space)) }
      })
      return { events: events.filter((event) => event.seq > after), next }
    },

    clear: async (id) => Number(await script(CLEAR, id)),

    // First come keeps it, as in memory: SET NX.
    expect: async (requestId, flow) =>
      (await redis.run((client) => client.set(`${prefix}pending:${requestId}`, JSON.stringify(flow), { condition: 'NX', expiration: { type: 'PX', value: PENDING_MS } }))) === 'OK',
    pendingFlow: async (requestId) => flowOf(await redis.run((client) => client.get(`${prefix}pending:${requestId}`))),
    settle: async (requestId) => void (await redis.run((client) => client.del(`${prefix}pending:${requestId}`))),

    expectUpload: async (tokenHash, flow) =>
      void (await redis.run((client) => client.set(`${prefix}upload:${tokenHash}`, JSON.stringify(flow), { expiration: { type: 'PX', value: UPLOAD_MS } }))),
    // GETDEL: once, even when two instances see the same upload.
    takeUpload: async (tokenHash) => flowOf(await redis.run((client) => client.getDel(`${prefix}upload:${tokenHash}`))),

    stats: async () => ({ sessions: await redis.run((client) => client.zCard(index)) }),
  }
}
