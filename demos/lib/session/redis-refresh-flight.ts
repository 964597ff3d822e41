import 'server-only'
import { randomBytes } from 'node:crypto'
import type { BffRedis } from '@/demos/lib/redis/connect-redis'
import { RedisUnavailableError } from '@/demos/lib/redis/redis-unavailable'
import type { RefreshOutcome } from './refresh-at-api'
import { openRefreshResult, sealRefreshResult } from './seal-refresh-result'

export type RefreshFlightTiming = {
  /** How long a holder may take: longer than the API call's own timeout, so a slow API never loses the lock mid-call. */
  lockMs: number
  /** How long the result may be read: no longer than the API's overlap window, so no instance hands out a successor the API would refuse. */
  resultMs: number
  /** The longest pause between two looks while another instance refreshes. */
  maxPollMs: number
}

// 6. Delete the lock only if it is still ours: a holder slower than lockMs
//    must not delete the lock another instance has taken since.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`
// 5. and 6. in one script: no waiter can see the lock gone before the result is there.
const PUBLISH_AND_RELEASE = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
return 1
`

/**
 * The cross-instance half of refreshOnce (steps 3 to 7; 1 and 2 are in
 * refresh-once.ts). `key` is the SHA-256 of the refresh token, never the token.
 */
export function createRedisRefreshFlight(redis: BffRedis, { lockMs, resultMs, maxPollMs }: RefreshFlightTiming) {
  async function run(key: string, oldToken: string, refresh: () => Promise<RefreshOutcome>): Promise<RefreshOutcome> {
    const lockKey = `bff:refresh-lock:${key}`
    const resultKey = `bff:refresh-result:${key}`
    try {
      // Twice at most: a holder that failed to reach the API, or crashed, leaves no result behind.
      for (let attempt = 0; attempt < 2; attempt++) {
        // 3. Take the lock for this token, with a random value that says it is ours.
        const owner = randomBytes(16).toString('base64url')
        const taken = await redis.run((client) => client.set(lockKey, owner, { condition: 'NX', expiration: { type: 'PX', value: lockMs } }))
        if (taken === 'OK') return await refreshHolding(owner)
        // 7. Another instance holds it: wait for its result, as long as its lock lives.
        const seen = await waitForResult()
        if (seen) return seen
      }
      return { ok: false, rejected: false, status: 503 }
    } catch (error) {
      if (error instanceof RedisUnavailableError) return { ok: false, rejected: false, status: 503 }
      throw error
    }

    async function refreshHolding(owner: string): Promise<RefreshOutcome> {
      // 4. Look again: the instance that held the lock just before may have rotated this token.
      const earlier = await readResult()
      if (earlier) {
        await release(owner)
        return earlier
      }
      // 5. Refresh at the API. A success or a refusal is the same for every
      //    holder of this token, so it is shared; an outage is not (the token
      //    may still be good, and the next caller should try for itself).
      const outcome = await refresh()
      if (!outcome.ok && !outcome.rejected) {
        await release(owner)
        return outcome
      }
      const sealed = sealRefreshResult(oldToken, outcome.ok ? outcome : { ok: false, rejected: true }, resultKey)
      // The rotation has happened: losing Redis now must not lose its tokens.
      // The others then wait out the lock and try themselves, inside the overlap window.
      await redis.run((client) => client.eval(PUBLISH_AND_RELEASE, { keys: [resultKey, lockKey], arguments: [sealed, String(resultMs), owner] })).catch(() => {})
      return outcome
    }

    async function release(owner: string) {
      await releaseRefreshLock(redis, key, owner)
    }

    async function readResult() {
      const value = await redis.run((client) => client.get(resultKey))
      return value ? openRefreshResult(oldToken, value, resultKey) : null
    }

    async function waitForResult(): Promise<RefreshOutcome | null> {
      const deadline = Date.now() + lockMs
      let pause = 5
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, pause))
        pause = Math.min(pause * 2, maxPollMs)
        const [value, locked] = await redis.run((client) => client.multi().get(resultKey).exists(lockKey).exec())
        if (typeof value === 'string') return openRefreshResult(oldToken, value, resultKey)
        // The lock is gone and left nothing: its holder could not reach the API, or died.
        if (!locked) return null
      }
      return null
    }
  }

  return { run }
}

/** Step 6 on its own, for a holder that has nothing to publish. Exported for its test. */
export function releaseRefreshLock(redis: BffRedis, key: string, owner: string): Promise<unknown> {
  return redis.run((client) => client.eval(RELEASE, { keys: [`bff:refresh-lock:${key}`], arguments: [owner] }))
}
