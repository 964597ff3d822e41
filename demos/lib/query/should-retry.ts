import { ApiError } from '@/demos/lib/api/api-error'

/**
 * Whether a failed query should be tried again. Decided from the status, never
 * from message text: 401 and 403 will not change by retrying (the session is
 * over, or the request is forbidden), and neither will other client errors.
 * Server errors and network failures get two more tries with TanStack's backoff.
 */
export function shouldRetry(failureCount: number, error: unknown) {
  if (error instanceof ApiError && error.status < 500 && error.status !== 408 && error.status !== 429) return false
  return failureCount < 2
}
