import { randomUUID } from 'node:crypto'
import type { MockRedis } from './redis-client'
import { hashRefreshToken, newRefreshToken, type FamilyReport, type Rotation, type RotationFailure } from './refresh-token-records'
import type { RefreshTokenStore, RefreshTokenStoreOptions } from './refresh-token-store'

// Keys, after the prefix (ARGV[1] in every script):
//   rt:<hash>            hash: familyId, createdAt, usedAt, successorHash, overlapUntil (SHA-256 only, never the token)
//   rt-overlap:<hash>    the successor's plaintext, for `overlapSeconds` after <hash> was rotated
//   fam:<familyId>       hash: userId, createdAt, expiresAt, revoked, overlapReuses
//   fam-tokens:<id>      list: the family's token hashes, oldest first
//   revoked:<familyId>   until when the family's access tokens must be refused (the tombstone)
//   families             sorted set: family id → expiresAt, for expiry
//   fam-order, fam-seq   sorted set: family id → creation number, for the cap (oldest first)
//   fam-sizes, rt-total  tokens per family, and in all: what maxTokens bounds
//   user-fams:<userId>   the user's family ids, for eviction
// Family keys expire a minute after the family does (so a late refresh still
// hears "expired"), tombstones when the last access token has, the plaintext
// when the overlap window closes: every key has a TTL.

const graceMs = 60_000

/** Drops one family and its tokens; pasted into the scripts that need it. */
const dropFamily = `
local function dropFamily(p, id)
  for _, hash in ipairs(redis.call('LRANGE', p..'fam-tokens:'..id, 0, -1)) do
    redis.call('DEL', p..'rt:'..hash, p..'rt-overlap:'..hash)
  end
  local userId = redis.call('HGET', p..'fam:'..id, 'userId')
  if userId then redis.call('SREM', p..'user-fams:'..userId, id) end
  redis.call('DEL', p..'fam:'..id, p..'fam-tokens:'..id)
  local size = tonumber(redis.call('HGET', p..'fam-sizes', id) or '0')
  redis.call('HDEL', p..'fam-sizes', id)
  redis.call('ZREM', p..'families', id)
  redis.call('ZREM', p..'fam-order', id)
  redis.call('DECRBY', p..'rt-total', size)
end
`

const issueScript = `${dropFamily}
local p, familyId, userId, hash, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local familyMs, maxTokens = tonumber(ARGV[6]), tonumber(ARGV[7])
-- 1. Expired families go, then the oldest logins while the store is full.
for _, id in ipairs(redis.call('ZRANGEBYSCORE', p..'families', '-inf', now)) do dropFamily(p, id) end
while tonumber(redis.call('GET', p..'rt-total') or '0') >= maxTokens do
  local oldest = redis.call('ZRANGE', p..'fam-order', 0, 0)[1]
  -- Nothing left to drop, yet the count says full: it outlived its families (evicted keys); start it again.
  if not oldest then redis.call('SET', p..'rt-total', 0) break end
  dropFamily(p, oldest)
end
-- 2. The family, its first token, and the indexes.
local expiresAt = now + familyMs
local ttl = familyMs + ${graceMs}
redis.call('HSET', p..'fam:'..familyId, 'userId', userId, 'createdAt', now, 'expiresAt', expiresAt, 'revoked', '0', 'overlapReuses', 0)
redis.call('HSET', p..'rt:'..hash, 'familyId', familyId, 'createdAt', now)
redis.call('RPUSH', p..'fam-tokens:'..familyId, hash)
redis.call('ZADD', p..'families', expiresAt, familyId)
-- Creation order for the cap, from a counter: logins in the same millisecond
-- tie on expiresAt, and a sorted set breaks ties by the (random) id, not by age.
redis.call('ZADD', p..'fam-order', redis.call('INCR', p..'fam-seq'), familyId)
redis.call('HINCRBY', p..'fam-sizes', familyId, 1)
redis.call('INCR', p..'rt-total')
redis.call('SADD', p..'user-fams:'..userId, familyId)
for _, key in ipairs({p..'fam:'..familyId, p..'rt:'..hash, p..'fam-tokens:'..familyId, p..'families', p..'fam-order', p..'fam-seq', p..'fam-sizes', p..'rt-total', p..'user-fams:'..userId}) do
  redis.call('PEXPIRE', key, ttl)
end
return tostring(expiresAt)
`

// #region rotate
/**
 * One rotation, start to finish, in one script: Redis runs a script alone, so
 * twenty refreshes of one token on any number of instances see each other's
 * writes, and exactly one of them mints the successor. The successor is minted
 * in JS beforehand and passed in; a call that does not rotate discards it.
 */
const spendScript = `
local p, hash, now, overlapMs = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local successor, successorHash, revocationMs, overlap = ARGV[5], ARGV[6], tonumber(ARGV[7]), ARGV[8] == '1'
-- 1. Look the token up by its hash; plaintext refresh tokens are never stored.
local token = redis.call('HMGET', p..'rt:'..hash, 'familyId', 'usedAt', 'successorHash', 'overlapUntil')
local familyId = token[1]
if not familyId then return {'invalid'} end
local famKey = p..'fam:'..familyId
local family = redis.call('HMGET', famKey, 'userId', 'expiresAt', 'revoked')
if not family[1] then return {'invalid'} end
-- 2. A revoked family stays revoked, whichever of its tokens is presented.
if family[3] == '1' then return {'revoked'} end
-- 3. The absolute expiry was fixed at login.
local expiresAt = tonumber(family[2])
if now >= expiresAt then return {'expired'} end
-- 4. A used token is a replay, unless it is the immediately previous one (its
--    successor is still unused) and the overlap window is still open: then the
--    caller lost a race, and gets the successor already issued.
if token[2] then
  if overlap and token[4] and tonumber(token[4]) > now then
    local issued = redis.call('GET', p..'rt-overlap:'..hash)
    if issued and redis.call('HEXISTS', p..'rt:'..token[3], 'usedAt') == 0 then
      redis.call('HINCRBY', famKey, 'overlapReuses', 1)
      return {'ok', family[1], familyId, issued, family[2]}
    end
  end
  redis.call('HSET', famKey, 'revoked', '1')
  redis.call('SET', p..'revoked:'..familyId, now + revocationMs, 'PX', revocationMs)
  return {'reused'}
end
-- 5. Rotate: mark this token used and chain the successor to it.
local ttl = expiresAt - now + ${graceMs}
redis.call('HSET', p..'rt:'..successorHash, 'familyId', familyId, 'createdAt', now)
redis.call('PEXPIRE', p..'rt:'..successorHash, ttl)
redis.call('RPUSH', p..'fam-tokens:'..familyId, successorHash)
redis.call('HINCRBY', p..'fam-sizes', familyId, 1)
redis.call('INCR', p..'rt-total')
redis.call('HSET', p..'rt:'..hash, 'usedAt', now, 'successorHash', successorHash)
if overlapMs > 0 then
  redis.call('HSET', p..'rt:'..hash, 'overlapUntil', now + overlapMs)
  redis.call('SET', p..'rt-overlap:'..hash, successor, 'PX', overlapMs)
end
return {'ok', family[1], familyId, successor, family[2]}
`
// #endregion rotate

const revokeScript = `
local p, familyId, now, revocationMs = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
if redis.call('EXISTS', p..'fam:'..familyId) == 0 then return 0 end
redis.call('HSET', p..'fam:'..familyId, 'revoked', '1')
redis.call('SET', p..'revoked:'..familyId, now + revocationMs, 'PX', revocationMs)
return 1
`

const dropUserScript = `${dropFamily}
local p, userId = ARGV[1], ARGV[2]
for _, id in ipairs(redis.call('SMEMBERS', p..'user-fams:'..userId)) do dropFamily(p, id) end
redis.call('DEL', p..'user-fams:'..userId)
return 1
`

/**
 * Refresh-token families in Redis, for instances that share one (REDIS_URL):
 * the memory store's rules (refresh-token-store.ts), each operation that
 * reads and writes one Lua script.
 */
export function createRedisRefreshTokenStore(
  redis: MockRedis,
  { familySeconds, overlapSeconds, maxTokens, revocationSeconds, clock }: RefreshTokenStoreOptions,
): RefreshTokenStore {
  const revocationMs = revocationSeconds * 1000

  async function spend(hash: string, overlap: boolean): Promise<Rotation> {
    const successor = newRefreshToken()
    const reply = await redis.run<string[]>(spendScript, [
      hash,
      clock(),
      overlapSeconds * 1000,
      successor,
      hashRefreshToken(successor),
      revocationMs,
      overlap ? '1' : '0',
    ])
    if (reply[0] !== 'ok') return { ok: false, reason: reply[0] as RotationFailure }
    const [, userId, familyId, refreshToken, expiresAt] = reply
    return { ok: true, userId, familyId, refreshToken, expiresAt: Number(expiresAt) }
  }

  async function revokeFamily(familyId: string): Promise<void> {
    await redis.run(revokeScript, [familyId, clock(), revocationMs])
  }

  return {
    async issue(userId) {
      const familyId = randomUUID()
      const refreshToken = newRefreshToken()
      const expiresAt = await redis.run<string>(issueScript, [familyId, userId, hashRefreshToken(refreshToken), clock(), familySeconds * 1000, maxTokens])
      return { refreshToken, familyId, expiresAt: Number(expiresAt) }
    },
    rotate: (presented) => spend(hashRefreshToken(presented), true),
    async replayPrevious(familyId) {
      const previous = await (await redis.client()).lIndex(redis.key('fam-tokens', familyId), -2)
      if (previous === null) return 'nothing-to-replay'
      await spend(previous, false)
      return 'revoked'
    },
    async isRevoked(familyId) {
      const client = await redis.client()
      const [revoked, until] = await Promise.all([client.hGet(redis.key('fam', familyId), 'revoked'), client.get(redis.key('revoked', familyId))])
      return revoked === '1' || Number(until ?? 0) > clock()
    },
    async report(familyId): Promise<FamilyReport | undefined> {
      const client = await redis.client()
      const [family, tokens] = await Promise.all([client.hGetAll(redis.key('fam', familyId)), client.lLen(redis.key('fam-tokens', familyId))])
      if (!family.userId) return undefined
      return {
        createdAt: Number(family.createdAt),
        expiresAt: Number(family.expiresAt),
        rotations: tokens - 1,
        overlapReuses: Number(family.overlapReuses),
        revoked: family.revoked === '1',
      }
    },
    async revokeFamilyOf(presented) {
      const familyId = await (await redis.client()).hGet(redis.key('rt', hashRefreshToken(presented)), 'familyId')
      if (familyId) await revokeFamily(familyId)
    },
    revokeFamily,
    async dropUser(userId) {
      await redis.run(dropUserScript, [userId])
    },
    async countTokens() {
      return Number((await (await redis.client()).get(redis.key('rt-total'))) ?? 0)
    },
  }
}
