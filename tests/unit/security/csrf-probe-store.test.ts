import { afterAll, describe, expect, inject, it } from 'vitest'
import { connectRedis } from '@/demos/lib/redis/connect-redis'
import { createMemoryProbeStore, createRedisProbeStore, type ProbeRecord, type ProbeStore } from '@/site/lib/attack-lab/csrf-probe-store'

// Two instances on one Redis are two connections; a key prefix per store keeps tests apart.
const redisA = connectRedis(inject('redisUrl'))
const redisB = connectRedis(inject('redisUrl'))
afterAll(() => Promise.all([redisA.close(), redisB.close()]))
const prefix = () => `test:csrf-probe:${crypto.randomUUID()}:`

const probe = (attempt: string, at = Date.now()): ProbeRecord => ({ attempt, cookieSent: false, antiForgeryHeader: false, fetchSite: 'cross-site', at })

describe.each<[string, () => ProbeStore]>([
  ['in memory', createMemoryProbeStore],
  ['in Redis', () => createRedisProbeStore(redisA, prefix())],
])('the attack lab’s CSRF probe store, %s', (_, make) => {
  it('reads back what each run recorded, and only that run’s', async () => {
    const store = make()
    await store.record('run-aaaaaaaa', probe('form'))
    await store.record('run-bbbbbbbb', probe('fetch'))
    expect((await store.read('run-aaaaaaaa')).map((record) => record.attempt)).toEqual(['form'])
    expect(await store.read('run-never')).toEqual([])
  })

  it('keeps a run’s first 20 records, even when 50 arrive at once', async () => {
    const store = make()
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.record('run-flooded', probe(`a${i}`))))
    expect(await store.read('run-flooded')).toHaveLength(20)
  })

  it('forgets records older than the run’s ten minutes', async () => {
    const store = make()
    await store.record('run-old', probe('stale', Date.now() - 11 * 60 * 1000))
    expect(await store.read('run-old')).toEqual([])
  })
})

describe('the CSRF probe store in Redis', () => {
  it('counts the cap across instances, and every run’s key expires with the run', async () => {
    const shared = prefix()
    const [onA, onB] = [createRedisProbeStore(redisA, shared), createRedisProbeStore(redisB, shared)]
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? onA : onB).record('run-shared', probe(`a${i}`))))
    expect(await onA.read('run-shared')).toHaveLength(20)
    const ttl = await redisA.run((client) => client.pTTL(`${shared}run-shared`))
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(600_000)
  })
})

describe('the CSRF probe store in memory', () => {
  it('keeps at most 500 runs, the oldest going first', async () => {
    const store = createMemoryProbeStore()
    await store.record('run-first', probe('first'))
    for (let i = 0; i < 500; i++) await store.record(`run-${i}`, probe('x'))
    expect(await store.read('run-first')).toEqual([])
    expect(await store.read('run-499')).toHaveLength(1)
  })
})
