import type { PasswordHash } from './passwords'
import type { MockRedis } from './redis-client'
import type { Goal, User } from './schemas'
import { newAccount, type Account, type Store, type StoreOptions } from './store'

// Keys, after the prefix (ARGV[1] in every script):
//   acct:<id>          hash: user (JSON), password (scrypt salt.hash), isDemo, registeredBy, email
//   email:<email>      the account id
//   goals:<id>         hash: goal id → goal JSON
//   lru                sorted set: throwaway account id → its last use, numbered by lru-seq; the demo account is not in it
//   lru-net:<network>  the same, for the accounts one client network registered
//   lru-seq            the use counter: one order for all instances, whatever their clocks say
//   demo-id            the demo account's id
// A throwaway account's keys expire `idleSeconds` after its last use, and the
// indexes with them. The demo account's keys have no TTL: under volatile-lru
// Redis never evicts them, as the memory store never evicts it.

const addAccountScript = `
local p, id, email, max, ttl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local isDemo, network, user, password = ARGV[6], ARGV[7], ARGV[8], ARGV[9]
-- 1. The email is claimed here, so two registrations on two instances cannot both take it.
if redis.call('EXISTS', p..'email:'..email) == 1 then return {'taken'} end
-- 2. At the cap, this network's least recently used account goes first, then anyone's; never the demo account.
local evicted = {}
while redis.call('ZCARD', p..'lru') + redis.call('EXISTS', p..'demo-id') >= max do
  local victim
  if network ~= '' then victim = redis.call('ZRANGE', p..'lru-net:'..network, 0, 0)[1] end
  if not victim then victim = redis.call('ZRANGE', p..'lru', 0, 0)[1] end
  if not victim then break end
  local old = redis.call('HMGET', p..'acct:'..victim, 'email', 'registeredBy')
  if old[1] then redis.call('DEL', p..'email:'..old[1]) end
  if old[2] and old[2] ~= '' then redis.call('ZREM', p..'lru-net:'..old[2], victim) end
  if network ~= '' then redis.call('ZREM', p..'lru-net:'..network, victim) end
  redis.call('ZREM', p..'lru', victim)
  redis.call('DEL', p..'acct:'..victim, p..'goals:'..victim)
  evicted[#evicted + 1] = victim
end
-- 3. The account, its email and its seeded goals.
local acct, goals, emailKey = p..'acct:'..id, p..'goals:'..id, p..'email:'..email
redis.call('HSET', acct, 'user', user, 'password', password, 'isDemo', isDemo, 'registeredBy', network, 'email', email)
redis.call('SET', emailKey, id)
for i = 10, #ARGV, 2 do redis.call('HSET', goals, ARGV[i], ARGV[i + 1]) end
if isDemo == '1' then
  redis.call('SET', p..'demo-id', id)
else
  for _, key in ipairs({acct, goals, emailKey}) do redis.call('PEXPIRE', key, ttl) end
  local seq = redis.call('INCR', p..'lru-seq')
  redis.call('ZADD', p..'lru', seq, id)
  redis.call('PEXPIRE', p..'lru', ttl)
  redis.call('PEXPIRE', p..'lru-seq', ttl)
  if network ~= '' then
    redis.call('ZADD', p..'lru-net:'..network, seq, id)
    redis.call('PEXPIRE', p..'lru-net:'..network, ttl)
  end
end
return {'added', unpack(evicted)}
`

const useAccountScript = `
local p, id, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local acct = p..'acct:'..id
local fields = redis.call('HMGET', acct, 'user', 'password', 'isDemo', 'registeredBy', 'email')
if not fields[1] then return nil end
if fields[3] ~= '1' then
  -- Use keeps a throwaway account: its keys live idleSeconds from now, and it moves to the back of the eviction queue.
  for _, key in ipairs({acct, p..'goals:'..id, p..'email:'..fields[5], p..'lru', p..'lru-seq'}) do redis.call('PEXPIRE', key, ttl) end
  local seq = redis.call('INCR', p..'lru-seq')
  redis.call('ZADD', p..'lru', seq, id)
  if fields[4] ~= '' then
    redis.call('ZADD', p..'lru-net:'..fields[4], seq, id)
    redis.call('PEXPIRE', p..'lru-net:'..fields[4], ttl)
  end
end
return fields
`

const addGoalScript = `
local p, id, goalId, goal, max = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local acct, goals = p..'acct:'..id, p..'goals:'..id
if redis.call('EXISTS', acct) == 0 then return 'gone' end
-- The cap and the write in one step: two creates on two instances cannot both pass at max - 1.
if redis.call('HLEN', goals) >= max then return 'full' end
redis.call('HSET', goals, goalId, goal)
local ttl = redis.call('PTTL', acct)
if ttl > 0 then redis.call('PEXPIRE', goals, ttl) end
return 'added'
`

// A PATCH from one instance and a DELETE from another must not resurrect the
// goal or lose a field: read, merge and write are one step.
const updateGoalScript = `
local p, id, goalId, changes = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local goals = p..'goals:'..id
local current = redis.call('HGET', goals, goalId)
if not current then return nil end
local goal = cjson.decode(current)
for field, value in pairs(cjson.decode(changes)) do goal[field] = value end
local updated = cjson.encode(goal)
redis.call('HSET', goals, goalId, updated)
return updated
`

const findByEmailScript = `
local p, email = ARGV[1], ARGV[2]
local id = redis.call('GET', p..'email:'..email)
if not id then return nil end
local fields = redis.call('HMGET', p..'acct:'..id, 'user', 'password', 'isDemo', 'registeredBy', 'email')
if not fields[1] then return nil end
return fields
`

/** The scrypt salt and hash as `salt.hash` in base64: Buffers do not survive JSON. */
const serializePassword = ({ salt, hash }: PasswordHash) => `${salt.toString('base64')}.${hash.toString('base64')}`

function parsePassword(text: string): PasswordHash {
  const [salt, hash] = text.split('.')
  return { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') }
}

type AccountFields = [string, string, string, string, string] | null

function toAccount(fields: AccountFields): Account | undefined {
  if (!fields) return undefined
  const [user, password, isDemo, registeredBy] = fields
  return {
    user: JSON.parse(user) as User,
    password: parsePassword(password),
    isDemo: isDemo === '1',
    ...(registeredBy ? { registeredBy } : {}),
  }
}

/**
 * Accounts and goals in Redis, for instances that share one (REDIS_URL). The
 * same rules as the memory store (store.ts): the cap with LRU eviction that
 * takes the registering network's own accounts first, a demo account never
 * evicted. Every operation that reads and writes is one Lua script.
 */
export function createRedisStore(redis: MockRedis, { maxAccounts, clock, onEvict, idleSeconds }: StoreOptions & { idleSeconds: number }): Store {
  const ttl = idleSeconds * 1000

  return {
    async addAccount(input) {
      const { account, goals } = newAccount(input, clock())
      const reply = await redis.run<string[]>(addAccountScript, [
        account.user.id,
        account.user.email,
        maxAccounts,
        ttl,
        account.isDemo ? '1' : '0',
        account.registeredBy ?? '',
        JSON.stringify(account.user),
        serializePassword(account.password),
        ...goals.flatMap((goal) => [goal.id, JSON.stringify(goal)]),
      ])
      if (reply[0] === 'taken') return undefined
      // The evicted accounts' other state (tokens, controls, grants, files) is
      // keyed by their ids, which nothing can reach any more; dropping it is cleanup.
      for (const userId of reply.slice(1)) await onEvict?.(userId)
      return account
    },
    async findByEmail(email) {
      return toAccount(await redis.run<AccountFields>(findByEmailScript, [email]))
    },
    async useAccount(userId) {
      return toAccount(await redis.run<AccountFields>(useAccountScript, [userId, ttl]))
    },
    async countAccounts() {
      const client = await redis.client()
      const [throwaway, demo] = await Promise.all([client.zCard(redis.key('lru')), client.exists(redis.key('demo-id'))])
      return throwaway + demo
    },
    async listGoals(userId) {
      const values = await (await redis.client()).hVals(redis.key('goals', userId))
      return values.map((value) => JSON.parse(value) as Goal)
    },
    async findGoal(userId, goalId) {
      const value = await (await redis.client()).hGet(redis.key('goals', userId), goalId)
      return value == null ? undefined : (JSON.parse(value) as Goal)
    },
    async addGoal(userId, goal, maxGoals) {
      return redis.run<'added' | 'full' | 'gone'>(addGoalScript, [userId, goal.id, JSON.stringify(goal), maxGoals])
    },
    async updateGoal(userId, goalId, changes) {
      const updated = await redis.run<string | null>(updateGoalScript, [userId, goalId, JSON.stringify(changes)])
      return updated === null ? undefined : (JSON.parse(updated) as Goal)
    },
    async deleteGoal(userId, goalId) {
      return (await (await redis.client()).hDel(redis.key('goals', userId), goalId)) > 0
    },
  }
}
