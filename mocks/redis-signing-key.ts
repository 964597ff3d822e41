import type { MockRedis } from './redis-client'

/**
 * The HS256 key every instance on one Redis signs with, when JWT_SIGNING_KEY
 * is not set: the first instance to start stores its random key with SET NX,
 * and every instance then reads back whichever key won. Tokens issued by one
 * instance thus verify on the others, and survive a restart of any of them.
 *
 * No TTL, on purpose: under volatile-lru Redis evicts only keys with one, and
 * this key must never go (every session would end at once).
 */
export async function sharedSigningKey(redis: MockRedis, candidate: string): Promise<string> {
  const client = await redis.client()
  const key = redis.key('jwt-signing-key')
  await client.set(key, candidate, { condition: 'NX' })
  const stored = await client.get(key)
  if (stored === null || stored.length < 32) throw new Error('The shared JWT signing key in Redis is missing or shorter than 32 characters.')
  return stored
}
