import { describe, expect, it } from 'vitest'
import { ApiError } from '@/demos/lib/api/api-error'
import { shouldRetry } from '@/demos/lib/query/should-retry'

describe('shouldRetry', () => {
  it.each([401, 403, 400, 404, 409, 413])('never retries a %i', (status) => {
    expect(shouldRetry(0, new ApiError(status))).toBe(false)
  })

  it('decides from the status, not the message text', () => {
    // A message that merely mentions 401 is not a 401.
    expect(shouldRetry(0, new ApiError(503, { detail: 'upstream said 401 Unauthorized' }))).toBe(true)
    expect(shouldRetry(0, new ApiError(401, { detail: 'temporarily unavailable, try again' }))).toBe(false)
  })

  it.each([500, 502, 503, 504, 408, 429])('retries a %i twice, then gives up', (status) => {
    expect(shouldRetry(0, new ApiError(status))).toBe(true)
    expect(shouldRetry(1, new ApiError(status))).toBe(true)
    expect(shouldRetry(2, new ApiError(status))).toBe(false)
  })

  it('retries network failures, which have no status', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true)
  })
})
