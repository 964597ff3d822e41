/** A non-2xx answer from the API (directly or through the proxy), with its ProblemDetails. */
export class ApiError extends Error {
  readonly status: number
  readonly errors?: Record<string, string[]>

  constructor(status: number, problem?: { title?: string; detail?: string; errors?: Record<string, string[]> }) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}.`)
    this.name = 'ApiError'
    this.status = status
    this.errors = problem?.errors
  }
}

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
