import 'server-only'
import { connectRedis, type BffRedis } from './connect-redis'

// One connection per process, on globalThis: route handlers and proxy.ts are
// bundled apart, and a development reload must not open another.
const globalKey = Symbol.for('bff-jwt-reference.bff-redis')
type GlobalWithRedis = typeof globalThis & { [globalKey]?: { url: string; redis: BffRedis } }

// #region bff-redis
/**
 * The BFF's shared store, when there is more than one instance. With
 * REDIS_URL unset this is null and every store stays in this process's
 * memory, as one instance needs. With it set, each store keeps its state in
 * Redis, so every instance counts, locks and sees the same things.
 *
 * The BFF holds no session: a reader's session is the pair of httpOnly
 * cookies their browser sends, and the API's refresh-token family. What an
 * instance keeps here is short-lived coordination, nothing a restart loses:
 *
 *   bff:rate:<limit>:<client>      request counter for one fixed window;
 *                                  TTL = the window (60 s by default)
 *   bff:refresh-lock:<sha256>      who is refreshing that refresh token now;
 *                                  TTL = DOTNET_API_TIMEOUT_MS + 2 s
 *   bff:refresh-result:<sha256>    its successor pair, AES-256-GCM sealed with
 *                                  a key only the old token yields (or
 *                                  "refused"); TTL = 5 s, inside the API's
 *                                  10 s overlap window
 *
 * `<sha256>` is the hash of the refresh token, never the token. Every key has
 * a TTL, so run Redis with `maxmemory-policy volatile-lru`: when memory is
 * full it evicts the least recently used of them, and nothing here is lost
 * that the next request cannot rebuild. No persistence is needed either.
 * The site's own instruments (the wire inspector, the attack lab) keep their
 * keys under `site:` on the same server.
 */
export function getBffRedis(): BffRedis | null {
  const url = process.env.REDIS_URL?.trim()
  if (!url) return null
  const held = (globalThis as GlobalWithRedis)[globalKey]
  if (held?.url === url) return held.redis
  // Only a test changes REDIS_URL in a running process: drop the old connection.
  if (held) void held.redis.close()
  const redis = connectRedis(url)
  ;(globalThis as GlobalWithRedis)[globalKey] = { url, redis }
  return redis
}
// #endregion bff-redis
