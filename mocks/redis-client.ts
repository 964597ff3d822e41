import { createClient } from 'redis'
import { StoreUnavailableError } from './store-unavailable'

export type RedisClient = ReturnType<typeof createClient>

/** One mock instance's connection, and the prefix every key it writes starts with. */
export interface MockRedis {
  /** The connected client; throws StoreUnavailableError while Redis is unreachable. */
  client(): Promise<RedisClient>
  /** `${prefix}a:b`: every key of this mock, so tests (and two mocks on one server) never collide. */
  key(...parts: string[]): string
  /**
   * Runs a Lua script with the key prefix as its first argument. Scripts build
   * their keys from it, so they need one Redis server, not a Cluster (whose
   * scripts may touch only the keys they declare). One script is one atomic step.
   */
  run<T>(script: string, args: (string | number | Buffer)[]): Promise<T>
  prefix: string
  close(): Promise<void>
}

// How long the first requests wait for the first connection before they are
// answered 503. Generous: on a busy machine a loopback connect has taken over 2 s.
const firstConnectMs = 5_000
// Reported once per outage, not once per reconnect attempt.
let lastLoggedAt = 0

/**
 * The mock API's own connection to Redis (REDIS_URL), apart from the BFF's:
 * the mock stands for a separate service, which would have its own. Commands
 * fail at once while the connection is down (no offline queue), so a request
 * is answered 503 straight away instead of hanging until Redis returns.
 */
export function createMockRedis({ url, prefix = 'mock:' }: { url: string; prefix?: string | undefined }): MockRedis {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: firstConnectMs, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  })
  client.on('error', (error: Error) => {
    if (Date.now() - lastLoggedAt < 60_000) return
    lastLoggedAt = Date.now()
    console.error(`[dotnet mock] Redis at ${redactedUrl(url)} is unreachable: ${error.message}`)
  })
  // Keeps retrying until it connects. The first requests wait for it, together
  // and at most firstConnectMs; after that nobody waits: down is down.
  const firstConnect = client.connect().then(
    () => undefined,
    () => undefined,
  )
  let timer: NodeJS.Timeout | undefined
  const firstWait = Promise.race([firstConnect, new Promise<void>((resolve) => (timer = setTimeout(resolve, firstConnectMs)))]).then(() =>
    clearTimeout(timer),
  )

  const api: MockRedis = {
    prefix,
    key: (...parts) => prefix + parts.join(':'),
    async run<T>(script: string, args: (string | number | Buffer)[]) {
      const connected = await api.client()
      const reply = await connected.eval(script, { arguments: [prefix, ...args.map((arg) => (typeof arg === 'number' ? String(arg) : arg))] })
      return reply as T
    },
    async client() {
      if (client.isReady) return client
      await firstWait
      if (!client.isReady) throw new StoreUnavailableError()
      return client
    },
    async close() {
      if (client.isReady) await client.close()
      else if (client.isOpen) client.destroy() // still reconnecting: nothing to flush
      clearTimeout(timer)
    },
  }
  return api
}

/** The URL without its password, for a log line. */
function redactedUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null
  if (!parsed) return '(unparsable REDIS_URL)'
  parsed.password = parsed.password ? '***' : ''
  return parsed.href
}
