import type { Clock } from './clock'
import { isOff, type DemoControlsEntries, type DemoControlsEntry } from './demo-controls-store'
import type { MockRedis } from './redis-client'

// Keys, after the prefix:
//   dc:<sessionId>    hash: the settings, userId, expiresAt; expires with them
//   dc-user:<userId>  the sessions of one account that have settings, for eviction
// An entry is judged by its own expiresAt against the instance clock (as in
// memory), and its TTL removes it from Redis at the same moment.

// Counted failures are taken one at a time, atomically: two failing
// mutations on two instances never take the same one.
const takeFailureScript = `
local p, sessionId, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local entry = redis.call('HMGET', p..'dc:'..sessionId, 'failNextMutations', 'expiresAt')
if not entry[1] or tonumber(entry[2]) <= now or tonumber(entry[1]) <= 0 then return 0 end
redis.call('HINCRBY', p..'dc:'..sessionId, 'failNextMutations', -1)
return 1
`

const dropUserScript = `
local p, userId = ARGV[1], ARGV[2]
for _, sessionId in ipairs(redis.call('SMEMBERS', p..'dc-user:'..userId)) do redis.call('DEL', p..'dc:'..sessionId) end
redis.call('DEL', p..'dc-user:'..userId)
return 1
`

/** Demo-control entries in Redis (REDIS_URL); the rules stay in demo-controls-store.ts. */
export function redisDemoControlsEntries(redis: MockRedis, clock: Clock): DemoControlsEntries {
  return {
    async get(sessionId) {
      const fields = await (await redis.client()).hGetAll(redis.key('dc', sessionId))
      if (!fields.expiresAt) return undefined
      const entry: DemoControlsEntry = {
        latencyMs: Number(fields.latencyMs),
        failNextMutations: Number(fields.failNextMutations),
        failureRate: Number(fields.failureRate),
        down: fields.down === '1',
        userId: fields.userId,
        expiresAt: Number(fields.expiresAt),
      }
      return clock() >= entry.expiresAt || isOff(entry) ? undefined : entry
    },
    async put(sessionId, entry) {
      const key = redis.key('dc', sessionId)
      const userKey = redis.key('dc-user', entry.userId)
      const ttl = Math.max(1, entry.expiresAt - clock())
      // One transaction: a reader never sees the old settings mixed with the new.
      await (await redis.client())
        .multi()
        .del(key)
        .hSet(key, {
          latencyMs: String(entry.latencyMs),
          failNextMutations: String(entry.failNextMutations),
          failureRate: String(entry.failureRate),
          down: entry.down ? '1' : '0',
          userId: entry.userId,
          expiresAt: String(entry.expiresAt),
        })
        .pExpire(key, ttl)
        .sAdd(userKey, sessionId)
        .pExpire(userKey, ttl)
        .exec()
    },
    async delete(sessionId) {
      await (await redis.client()).del(redis.key('dc', sessionId))
    },
    async dropUser(userId) {
      await redis.run(dropUserScript, [userId])
    },
    async takeFailure(sessionId) {
      return (await redis.run<number>(takeFailureScript, [sessionId, clock()])) === 1
    },
  }
}
