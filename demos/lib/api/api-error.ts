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
