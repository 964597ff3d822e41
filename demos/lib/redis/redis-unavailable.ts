import 'server-only'

/**
 * Redis could not be asked: not connected, timed out, or it refused the
 * command. Every store built on `connectRedis` throws this and nothing else,
 * so a caller answers 503 instead of letting a stack trace become a 500.
 */
export class RedisUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The shared store (Redis) is unavailable.', { cause })
    this.name = 'RedisUnavailableError'
  }
}
