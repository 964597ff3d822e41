import 'server-only'
import { createClient } from 'redis'
import { RedisUnavailableError } from './redis-unavailable'

export type RedisClient = ReturnType<typeof createClient>

export type BffRedis = {
  /**
   * Runs one logical operation (one command, one MULTI, one script). Waits a
   * moment for a connection that is still being made; any failure to reach
   * Redis comes out as RedisUnavailableError.
   */
  run<T>(operation: (client: RedisClient) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * One client for this process. Commands are refused at once while it is
 * disconnected (disableOfflineQueue) instead of queuing behind an outage, so a
 * request gets its 503 in `timeoutMs` at most, and the client keeps trying to
 * reconnect in the background, so the BFF heals when Redis is back. The
 * first connection is made by the first request, so it gets longer
 * (`firstConnectMs`): a cold start on a busy host is not an outage.
 */
export function connectRedis(url: string, { timeoutMs = 3000, firstConnectMs = 10_000 }: { timeoutMs?: number; firstConnectMs?: number } = {}): BffRedis {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  })
  // Without a listener an 'error' event would end the process. Once per outage:
  // the reconnect loop reports every attempt. The host only: a URL may hold a password.
  let reported = false
  client.on('error', (error: Error) => {
    if (reported) return
    reported = true
    console.error(`Redis at ${hostOf(url)} is unreachable: ${error.message}`)
  })
  let connectedOnce = false
  client.on('ready', () => {
    reported = false
    connectedOnce = true
  })
  // A URL that cannot work (a bad scheme, say) rejects here; every request then gets its 503.
  client.connect().catch(() => {})

  let ready: Promise<void> | null = null
  const whenReady = () =>
    (ready ??= new Promise<void>((resolve) =>
      client.once('ready', () => {
        ready = null
        resolve()
      }),
    ))

  return {
    async run(operation) {
      try {
        if (!client.isReady) await within(whenReady(), connectedOnce ? timeoutMs : Math.max(timeoutMs, firstConnectMs))
        return await within(operation(client), timeoutMs)
      } catch (error) {
        throw error instanceof RedisUnavailableError ? error : new RedisUnavailableError(error)
      }
    },
    async close() {
      // close() lets queued commands finish; a client still reconnecting has none.
      if (client.isReady) await client.close()
      else if (client.isOpen) client.destroy()
    },
  }
}

/** A command Redis never answers (a stalled server) must not hold a request forever. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(new Error(`no answer within ${ms} ms`))), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return '(an invalid REDIS_URL)'
  }
}
