import { createHash, randomBytes } from 'node:crypto'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { connectRedis } from '@/demos/lib/redis/connect-redis'
import { releaseRefreshLock } from '@/demos/lib/session/redis-refresh-flight'
import type { RefreshOutcome } from '@/demos/lib/session/refresh-at-api'
import { createRefreshOnce, REFRESH_FLIGHT_TIMING } from '@/demos/lib/session/refresh-once'
import { openRefreshResult } from '@/demos/lib/session/seal-refresh-result'

// Two BFF processes sharing one Redis: two connections, two refreshOnce with their own in-process maps.
const redisA = connectRedis(inject('redisUrl'))
const redisB = connectRedis(inject('redisUrl'))
afterAll(() => Promise.all([redisA.close(), redisB.close()]))

const timing = { ...REFRESH_FLIGHT_TIMING, lockMs: 2000 }
const token = () => randomBytes(32).toString('base64url')
const hash = (value: string) => createHash('sha256').update(value).digest('base64url')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** An API that takes `ms` to answer and counts every call; its answers are numbered. */
function fakeApi(answer: (call: number) => RefreshOutcome = (call) => ({ ok: true, tokens: pair(call) }), ms = 50) {
  const api = {
    calls: 0,
    refresh: async (): Promise<RefreshOutcome> => {
      const call = ++api.calls
      await sleep(ms)
      return answer(call)
    },
  }
  return api
}
const pair = (call: number) => ({ accessToken: `access-${call}-${token()}`, expiresIn: 300, refreshToken: `refresh-${call}-${token()}`, refreshTokenExpiresIn: 3600 })

describe('refreshOnce in one process (no Redis)', () => {
  it('20 concurrent requests with one expiring token make one API call and all get its tokens', async () => {
    const once = createRefreshOnce({ redis: null })
    const api = fakeApi()
    const old = token()
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => once(old, api.refresh)))
    expect(api.calls).toBe(1)
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome))).size).toBe(1)
    expect(outcomes[0].ok).toBe(true)
  })

  it('different tokens refresh apart', async () => {
    const once = createRefreshOnce({ redis: null })
    const api = fakeApi()
    await Promise.all([once(token(), api.refresh), once(token(), api.refresh)])
    expect(api.calls).toBe(2)
  })
})

describe('refreshOnce across two instances on one Redis', () => {
  it('20 concurrent requests spread over both make exactly one API call, and all get the same tokens', async () => {
    const [onA, onB] = [createRefreshOnce({ redis: redisA, timing }), createRefreshOnce({ redis: redisB, timing })]
    const api = fakeApi()
    const old = token()
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? onA : onB)(old, api.refresh)))
    expect(api.calls).toBe(1)
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome))).size).toBe(1)
  })

  it('a request arriving after the rotation, on the other instance, gets the successor without calling the API', async () => {
    const [onA, onB] = [createRefreshOnce({ redis: redisA, timing }), createRefreshOnce({ redis: redisB, timing })]
    const api = fakeApi()
    const old = token()
    const first = await onA(old, api.refresh)
    const late = await onB(old, api.refresh)
    expect(api.calls).toBe(1)
    expect(late).toEqual(first)
  })

  it('stores the successor sealed: no token in plaintext, readable only with the old token, expiring within the overlap window', async () => {
    const once = createRefreshOnce({ redis: redisA, timing })
    const old = token()
    const outcome = await once(old, fakeApi().refresh)
    if (!outcome.ok) throw new Error('expected a rotation')
    const key = `bff:refresh-result:${hash(old)}`
    const stored = (await redisA.run((client) => client.get(key)))!
    for (const secret of [old, outcome.tokens.refreshToken, outcome.tokens.accessToken]) expect(stored).not.toContain(secret)
    expect(await redisA.run((client) => client.keys(`*${old}*`))).toEqual([])
    expect(openRefreshResult(old, stored, key)).toEqual(outcome)
    expect(openRefreshResult(token(), stored, key)).toBeNull()
    expect(openRefreshResult(old, stored, `bff:refresh-result:${hash(token())}`)).toBeNull()
    const ttl = await redisA.run((client) => client.pTTL(key))
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(5000)
    // The lock was released once the result was there.
    expect(await redisA.run((client) => client.exists(`bff:refresh-lock:${hash(old)}`))).toBe(0)
  })

  it('shares a refusal, so every request with that token clears its cookies after one API call', async () => {
    const [onA, onB] = [createRefreshOnce({ redis: redisA, timing }), createRefreshOnce({ redis: redisB, timing })]
    const api = fakeApi(() => ({ ok: false, rejected: true }))
    const old = token()
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? onA : onB)(old, api.refresh)))
    expect(api.calls).toBe(1)
    expect(outcomes.every((outcome) => !outcome.ok && outcome.rejected)).toBe(true)
  })

  it('does not share an outage: the other instance tries for itself', async () => {
    const [onA, onB] = [createRefreshOnce({ redis: redisA, timing }), createRefreshOnce({ redis: redisB, timing })]
    const api = fakeApi((call) => (call === 1 ? { ok: false, rejected: false, status: 502 } : { ok: true, tokens: pair(call) }))
    const old = token()
    const fromA = onA(old, api.refresh)
    await sleep(10)
    const fromB = await onB(old, api.refresh)
    expect(await fromA).toEqual({ ok: false, rejected: false, status: 502 })
    expect(fromB.ok).toBe(true)
    expect(api.calls).toBe(2)
  })

  it('releases a lock only for its owner', async () => {
    const key = hash(token())
    await redisA.run((client) => client.set(`bff:refresh-lock:${key}`, 'owner-a', { expiration: { type: 'PX', value: 5000 } }))
    await releaseRefreshLock(redisB, key, 'owner-b')
    expect(await redisA.run((client) => client.get(`bff:refresh-lock:${key}`))).toBe('owner-a')
    await releaseRefreshLock(redisA, key, 'owner-a')
    expect(await redisA.run((client) => client.exists(`bff:refresh-lock:${key}`))).toBe(0)
  })

  it('a holder that crashed (its lock expires with no result) does not block the others: they refresh once', async () => {
    const old = token()
    // The crashed instance: it took the lock and never wrote a result or released it.
    await redisB.run((client) => client.set(`bff:refresh-lock:${hash(old)}`, 'crashed', { expiration: { type: 'PX', value: 300 } }))
    const once = createRefreshOnce({ redis: redisA, timing: { ...timing, lockMs: 300 } })
    const api = fakeApi()
    const started = Date.now()
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => once(old, api.refresh)))
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    expect(api.calls).toBe(1)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('answers 503 without calling the API when Redis cannot be reached', async () => {
    const down = connectRedis('redis://127.0.0.1:1', { timeoutMs: 200, firstConnectMs: 200 })
    try {
      const api = fakeApi()
      expect(await createRefreshOnce({ redis: down, timing })(token(), api.refresh)).toEqual({ ok: false, rejected: false, status: 503 })
      expect(api.calls).toBe(0)
    } finally {
      await down.close()
    }
  })
})
