import { memoryExpiredEarlyList, type ExpiredEarlyList } from './access-tokens'
import { createAttachmentStore, type AttachmentStore } from './attachment-store'
import type { Clock } from './clock'
import { createDemoControls, createDemoControlsStore, type DemoControlsStore } from './demo-controls-store'
import type { MockConfig } from './mock-config'
import { createRateLimiter, type RateLimiter } from './rate-limiter'
import { createRedisAttachmentStore } from './redis-attachment-store'
import { createMockRedis } from './redis-client'
import { redisDemoControlsEntries } from './redis-demo-controls-entries'
import { redisExpiredEarlyList } from './redis-expired-early-list'
import { createRedisRateLimiter } from './redis-rate-limiter'
import { createRedisRefreshTokenStore } from './redis-refresh-token-store'
import { sharedSigningKey } from './redis-signing-key'
import { createRedisStore } from './redis-store'
import { createRedisUploadGrantStore } from './redis-upload-grant-store'
import { createRefreshTokenStore, type RefreshTokenStore } from './refresh-token-store'
import { createStore, type Store } from './store'
import { createUploadGrantStore, type UploadGrantStore } from './upload-grant-store'

export interface Stores {
  store: Store
  refreshTokens: RefreshTokenStore
  demoControls: DemoControlsStore
  uploadGrants: UploadGrantStore
  attachments: AttachmentStore
  expiredEarly: ExpiredEarlyList
  /** One rate limiter; `name` keeps each one's counters apart in Redis. */
  limiter(name: string, limit: number, windowSeconds: number): RateLimiter
  /** The key to sign with: the configured one, or the one shared through Redis. */
  signingKey(): Promise<string>
  close(): Promise<void>
}

/**
 * A throwaway account in Redis is forgotten after this long unused, and its
 * files with it. In memory only the account cap removes accounts; Redis needs
 * a TTL on every key for volatile-lru to be able to evict it under pressure.
 */
const accountIdleSeconds = 30 * 24 * 60 * 60

/**
 * The one place that chooses where the mock's state lives: with
 * `config.redisUrl` (REDIS_URL) in Redis, shared by every instance on it,
 * otherwise in this process's memory. Both kinds follow the same interfaces
 * and caps; the memory ones are the reference.
 */
export function createStores(config: MockConfig, clock: Clock): Stores {
  const onEvict = (userId: string) => evict(userId)
  const refreshTokenOptions = {
    familySeconds: config.refreshFamilySeconds,
    overlapSeconds: config.refreshReuseOverlapSeconds,
    maxTokens: config.maxRefreshTokens,
    revocationSeconds: config.accessTokenSeconds + config.clockSkewSeconds,
    clock,
  }
  const grantOptions = { grantSeconds: config.uploadGrantSeconds, maxGrants: config.maxUploadGrants, clock }
  const limiterOptions = (limit: number, windowSeconds: number) => ({ limit, windowSeconds, maxKeys: config.maxRateLimitKeys, clock })

  let stores: Stores
  if (config.redisUrl) {
    const redis = createMockRedis({ url: config.redisUrl, prefix: config.redisKeyPrefix })
    stores = {
      store: createRedisStore(redis, { maxAccounts: config.maxAccounts, clock, onEvict, idleSeconds: accountIdleSeconds }),
      refreshTokens: createRedisRefreshTokenStore(redis, refreshTokenOptions),
      demoControls: createDemoControls(redisDemoControlsEntries(redis, clock), { lifetimeSeconds: config.demoControlsSeconds, clock }),
      uploadGrants: createRedisUploadGrantStore(redis, grantOptions),
      attachments: createRedisAttachmentStore(redis, { maxTotalBytes: config.maxStoredUploadBytes, ttlSeconds: accountIdleSeconds }),
      expiredEarly: redisExpiredEarlyList(redis, clock),
      limiter: (name, limit, windowSeconds) => createRedisRateLimiter(redis, name, limiterOptions(limit, windowSeconds)),
      signingKey: async () => (config.jwtSigningKeyIsRandom ? sharedSigningKey(redis, config.jwtSigningKey) : config.jwtSigningKey),
      close: () => redis.close(),
    }
  } else {
    stores = {
      store: createStore({ maxAccounts: config.maxAccounts, clock, onEvict }),
      refreshTokens: createRefreshTokenStore(refreshTokenOptions),
      demoControls: createDemoControlsStore({ lifetimeSeconds: config.demoControlsSeconds, clock }),
      uploadGrants: createUploadGrantStore(grantOptions),
      attachments: createAttachmentStore({ maxTotalBytes: config.maxStoredUploadBytes }),
      expiredEarly: memoryExpiredEarlyList(clock),
      limiter: (_name, limit, windowSeconds) => createRateLimiter(limiterOptions(limit, windowSeconds)),
      signingKey: async () => config.jwtSigningKey,
      close: async () => {},
    }
  }

  /** An evicted account's sessions, demo controls, upload grants and files go with it. */
  async function evict(userId: string): Promise<void> {
    await stores.refreshTokens.dropUser(userId)
    await stores.demoControls.dropUser(userId)
    await stores.uploadGrants.dropUser(userId)
    await stores.attachments.dropUser(userId)
  }

  return stores
}
