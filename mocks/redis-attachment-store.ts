import { RESP_TYPES } from 'redis'
import type { AttachmentStore, StoredAttachment } from './attachment-store'
import type { MockRedis } from './redis-client'
import type { Attachment } from './schemas'

// Keys, after the prefix:
//   att:<id>                    hash: accountId, goalId, fileName, contentType, size, createdAt
//   att-bytes:<id>              the file, as a binary string
//   att-goal:<account>:<goal>   sorted set: id → upload order, for the goal's list (oldest first)
//   att-acct:<account>          hash: id → size, for the account's quota
//   att-all, att-total, att-seq every file by age, the bytes held, the order counter: the total cap
// Files live `ttlSeconds` from their upload (the idle lifetime of a
// throwaway account), and go at once with their goal or account.

/** Removes one file and its index entries; pasted into the scripts that need it. */
const removeFile = `
local function removeFile(p, id)
  local file = redis.call('HMGET', p..'att:'..id, 'accountId', 'goalId', 'size')
  redis.call('DEL', p..'att:'..id, p..'att-bytes:'..id)
  redis.call('ZREM', p..'att-all', id)
  if not file[1] then return end
  redis.call('ZREM', p..'att-goal:'..file[1]..':'..file[2], id)
  redis.call('HDEL', p..'att-acct:'..file[1], id)
  redis.call('DECRBY', p..'att-total', tonumber(file[3]))
end
`

// The total cap and the write in one script: the oldest files go first, as in memory.
const addScript = `${removeFile}
local p, id, accountId, goalId, size, ttl, maxTotal = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
while tonumber(redis.call('GET', p..'att-total') or '0') + size > maxTotal do
  local oldest = redis.call('ZRANGE', p..'att-all', 0, 0)[1]
  if not oldest then redis.call('SET', p..'att-total', 0) break end
  removeFile(p, oldest)
end
local seq = redis.call('INCR', p..'att-seq')
local goalKey, acctKey = p..'att-goal:'..accountId..':'..goalId, p..'att-acct:'..accountId
redis.call('HSET', p..'att:'..id, 'accountId', accountId, 'goalId', goalId, 'size', size, 'fileName', ARGV[8], 'contentType', ARGV[9], 'createdAt', ARGV[10])
redis.call('SET', p..'att-bytes:'..id, ARGV[11])
redis.call('ZADD', goalKey, seq, id)
redis.call('HSET', acctKey, id, size)
redis.call('ZADD', p..'att-all', seq, id)
redis.call('INCRBY', p..'att-total', size)
for _, key in ipairs({p..'att:'..id, p..'att-bytes:'..id, goalKey, acctKey, p..'att-all', p..'att-total', p..'att-seq'}) do
  redis.call('PEXPIRE', key, ttl)
end
return 1
`

const dropScript = `${removeFile}
local p, key = ARGV[1], ARGV[2]
local ids = redis.call('TYPE', p..key).ok == 'hash' and redis.call('HKEYS', p..key) or redis.call('ZRANGE', p..key, 0, -1)
for _, id in ipairs(ids) do removeFile(p, id) end
return #ids
`

/** Attachments in Redis (REDIS_URL), with the bounds of attachment-store.ts. */
export function createRedisAttachmentStore(redis: MockRedis, { maxTotalBytes, ttlSeconds }: { maxTotalBytes: number; ttlSeconds: number }): AttachmentStore {
  async function metadata(id: string): Promise<(Attachment & { accountId: string; goalId: string }) | undefined> {
    const file = await (await redis.client()).hGetAll(redis.key('att', id))
    if (!file.accountId) return undefined
    const { accountId, goalId, fileName, contentType, size, createdAt } = file
    return { id, accountId, goalId, fileName, contentType: contentType as Attachment['contentType'], size: Number(size), createdAt }
  }

  return {
    async add(attachment) {
      const { id, accountId, goalId, size, fileName, contentType, createdAt, bytes } = attachment
      await redis.run(addScript, [
        id,
        accountId,
        goalId,
        size,
        ttlSeconds * 1000,
        maxTotalBytes,
        fileName,
        contentType,
        createdAt,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ])
    },
    async list(accountId, goalId) {
      const ids = await (await redis.client()).zRange(redis.key('att-goal', accountId, goalId), 0, -1)
      // A file that expired on its own leaves its id behind for a moment; it is skipped.
      const files = await Promise.all(ids.map(metadata))
      return files.filter((file) => file !== undefined)
    },
    async find(accountId, goalId, id): Promise<StoredAttachment | undefined> {
      const file = await metadata(id)
      if (file?.accountId !== accountId || file.goalId !== goalId) return undefined
      // Bytes come back as a Buffer, not a string that would mangle them.
      const binary = (await redis.client()).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
      const bytes = await binary.get(redis.key('att-bytes', id))
      if (!bytes) return undefined
      return { ...file, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
    },
    async usedBytes(accountId) {
      const sizes = await (await redis.client()).hVals(redis.key('att-acct', accountId))
      return sizes.reduce((sum, size) => sum + Number(size), 0)
    },
    async dropGoal(accountId, goalId) {
      await redis.run(dropScript, [`att-goal:${accountId}:${goalId}`])
    },
    async dropUser(accountId) {
      await redis.run(dropScript, [`att-acct:${accountId}`])
    },
  }
}
