import type { TestProject } from 'vitest/node'
// @ts-expect-error -- a plain ES module script with JSDoc types; it has no declaration file
import { startRedis } from '../../scripts/redis/start-redis.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A throwaway Redis server on loopback for this run (scripts/redis/start-redis.mjs). */
    redisUrl: string
  }
}

/**
 * One Redis server for the whole unit run: the Redis-backed stores are tested
 * against a real server, as they run in production. Each test file uses its
 * own key prefix, so files running in parallel never see each other's keys.
 */
export default async function setup(project: TestProject) {
  const redis: { url: string; stop: () => Promise<void> } = await startRedis()
  project.provide('redisUrl', redis.url)
  return () => redis.stop()
}
