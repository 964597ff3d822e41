import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
} from 'redis'

/** The shared store (Redis) cannot be reached, so no instance may answer from its own memory. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The store (Redis) is unreachable.', { cause })
    this.name = 'StoreUnavailableError'
  }
}

/**
 * node-redis's own errors for a connection that is down, closed or timing
 * out. handle-request.ts answers them 503 rather than 500: the request was
 * fine, and the same request succeeds once Redis is back. A Redis error
 * reply (a script bug, say) is none of these, and stays a 500.
 */
export function isStoreUnavailable(error: unknown): boolean {
  return (
    error instanceof StoreUnavailableError ||
    error instanceof ClientOfflineError ||
    error instanceof ClientClosedError ||
    error instanceof ConnectionTimeoutError ||
    error instanceof SocketClosedUnexpectedlyError ||
    error instanceof SocketTimeoutError ||
    error instanceof ReconnectStrategyError
  )
}
