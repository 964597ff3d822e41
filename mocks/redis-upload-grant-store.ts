import type { MockRedis } from './redis-client'
import type { uploadContentTypes } from './schemas'
import {
  hashUploadToken,
  newUploadToken,
  type ClaimResult,
  type UploadGrantRecord,
  type UploadGrantStore,
  type UploadGrantStoreOptions,
} from './upload-grant-store'

// Keys, after the prefix:
//   grant:<hash>          hash: the grant's fields, usedAt ('' until claimed); by the token's SHA-256 only
//   grants                sorted set: hash → when issued, what maxGrants bounds
//   grants-acct:<userId>  the account's grant hashes, for the demo's expiry and for eviction
// A grant is judged by its own expiresAt; its key outlives that by a minute,
// so a late upload hears "expired" and a replay "used", rather than "unknown".
// The next issue drops expired grants sooner, as in memory.

const issueScript = `
local p, hash, now, grantMs, maxGrants = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local accountId = ARGV[6]
for _, old in ipairs(redis.call('ZRANGEBYSCORE', p..'grants', '-inf', now - grantMs)) do
  redis.call('DEL', p..'grant:'..old)
  redis.call('ZREM', p..'grants', old)
end
while redis.call('ZCARD', p..'grants') >= maxGrants do
  redis.call('DEL', p..'grant:'..redis.call('ZPOPMIN', p..'grants')[1])
end
redis.call('HSET', p..'grant:'..hash, 'accountId', accountId, 'goalId', ARGV[7], 'fileName', ARGV[8], 'size', ARGV[9],
  'contentType', ARGV[10], 'expiresAt', now + grantMs, 'usedAt', '')
redis.call('ZADD', p..'grants', now, hash)
redis.call('SADD', p..'grants-acct:'..accountId, hash)
for _, key in ipairs({p..'grant:'..hash, p..'grants', p..'grants-acct:'..accountId}) do redis.call('PEXPIRE', key, grantMs + 60000) end
return 1
`

// The check and the mark are one script: two uploads with one token, on one
// instance or two, cannot both pass.
const claimScript = `
local p, hash, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local key = p..'grant:'..hash
local grant = redis.call('HMGET', key, 'accountId', 'goalId', 'fileName', 'size', 'contentType', 'expiresAt', 'usedAt')
if not grant[1] then return {'unknown'} end
if grant[7] ~= '' then return {'used'} end
if tonumber(grant[6]) <= now then return {'expired'} end
redis.call('HSET', key, 'usedAt', now)
return {'ok', grant[1], grant[2], grant[3], grant[4], grant[5], grant[6]}
`

const expireUnusedScript = `
local p, accountId, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
for _, hash in ipairs(redis.call('SMEMBERS', p..'grants-acct:'..accountId)) do
  local grant = redis.call('HMGET', p..'grant:'..hash, 'usedAt', 'expiresAt')
  if grant[1] == '' and tonumber(grant[2]) > now then redis.call('HSET', p..'grant:'..hash, 'expiresAt', now) end
end
return 1
`

const dropUserScript = `
local p, accountId = ARGV[1], ARGV[2]
for _, hash in ipairs(redis.call('SMEMBERS', p..'grants-acct:'..accountId)) do
  redis.call('DEL', p..'grant:'..hash)
  redis.call('ZREM', p..'grants', hash)
end
redis.call('DEL', p..'grants-acct:'..accountId)
return 1
`

/** Upload grants in Redis (REDIS_URL), with the rules of upload-grant-store.ts. */
export function createRedisUploadGrantStore(redis: MockRedis, { grantSeconds, maxGrants, clock }: UploadGrantStoreOptions): UploadGrantStore {
  const grantMs = grantSeconds * 1000
  return {
    async issue(grant) {
      const token = newUploadToken()
      const now = clock()
      await redis.run(issueScript, [hashUploadToken(token), now, grantMs, maxGrants, grant.accountId, grant.goalId, grant.fileName, grant.size, grant.contentType])
      return { token, expiresAt: now + grantMs }
    },
    async claim(token): Promise<ClaimResult> {
      const now = clock()
      const reply = await redis.run<string[]>(claimScript, [hashUploadToken(token), now])
      if (reply[0] !== 'ok') return { ok: false, reason: reply[0] as 'unknown' | 'expired' | 'used' }
      const [, accountId, goalId, fileName, size, contentType, expiresAt] = reply
      const record: UploadGrantRecord = {
        accountId,
        goalId,
        fileName,
        size: Number(size),
        contentType: contentType as (typeof uploadContentTypes)[number],
        expiresAt: Number(expiresAt),
        usedAt: now,
      }
      return { ok: true, grant: record }
    },
    async expireUnused(accountId) {
      await redis.run(expireUnusedScript, [accountId, clock()])
    },
    async dropUser(accountId) {
      await redis.run(dropUserScript, [accountId])
    },
  }
}
