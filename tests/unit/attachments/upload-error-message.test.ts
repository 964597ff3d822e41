import { describe, expect, it } from 'vitest'
import { ApiError } from '@/demos/lib/api/api-error'
import { checkFileBeforeUpload, formatBytes, uploadErrorMessage } from '@/demos/lib/attachments/upload-error-message'
import { UploadError } from '@/demos/lib/attachments/upload-file'

// The demo's errors must tell a person what to do, with the API's own figures,
// and offer Retry only where the same file can succeed with a new grant.

describe('uploadErrorMessage', () => {
  it('states the per-file limit the API gave, in megabytes, and offers no retry', () => {
    const error = new ApiError(413, { detail: 'A file may be at most 26214400 bytes.' })
    expect(uploadErrorMessage(error)).toEqual({ message: 'This file is too large: the limit is 25 MB. Choose a smaller file.', retryable: false })
  })

  it('states the quota the API gave', () => {
    const error = new ApiError(409, { detail: 'This file would take the account past its quota of 52428800 bytes.' })
    expect(uploadErrorMessage(error).message).toBe('This file would take your account past its storage quota of 50 MB. Choose a smaller file.')
  })

  it('names the accepted types when the bytes do not match the declared one', () => {
    const problem = uploadErrorMessage(new UploadError(415, { detail: "The file's content is not image/png." }))
    expect(problem.message).toMatch(/^The file's content does not match its type\. Choose a PNG, JPEG or GIF image, a PDF/)
    expect(problem.retryable).toBe(false)
  })

  it.each([401, 403])('offers a retry (a new grant) when the upload token was refused with %i', (status) => {
    expect(uploadErrorMessage(new UploadError(status, { detail: 'The upload token has expired. Ask for a new grant.' }))).toEqual({
      message: 'The permission to upload expired or was already used. Retry to get a new one.',
      retryable: true,
    })
  })

  it('says to sign in again when the grant itself is refused with 401: the session is over', () => {
    expect(uploadErrorMessage(new ApiError(401))).toEqual({ message: 'Your session has ended. Sign in again, then attach the file.', retryable: false })
  })

  it('treats an upload that never arrived as a network failure worth retrying', () => {
    expect(uploadErrorMessage(new UploadError(0))).toEqual({ message: 'The upload did not reach the server. Check your connection, then retry.', retryable: true })
  })

  it('retries server errors, not other client errors', () => {
    expect(uploadErrorMessage(new ApiError(503, { detail: 'Down.' })).retryable).toBe(true)
    expect(uploadErrorMessage(new ApiError(404, { detail: 'Goal not found.' }))).toEqual({ message: 'This goal no longer exists.', retryable: false })
  })
})

describe('checkFileBeforeUpload', () => {
  it('refuses an empty file and a type the API does not take, before any request', () => {
    expect(checkFileBeforeUpload({ size: 0, type: 'image/png' })?.message).toBe('This file is empty. Choose a file with something in it.')
    expect(checkFileBeforeUpload({ size: 10, type: 'application/x-msdownload' })?.message).toMatch(/^Files of this type cannot be attached\./)
    expect(checkFileBeforeUpload({ size: 10, type: '' })).not.toBeNull()
  })

  it('lets through a file the API may take', () => {
    expect(checkFileBeforeUpload({ size: 10, type: 'text/csv' })).toBeNull()
  })
})

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [26214400, '25 MB'],
    [1572864, '1.5 MB'],
  ])('%i → %s', (bytes, shown) => {
    expect(formatBytes(bytes)).toBe(shown)
  })
})
