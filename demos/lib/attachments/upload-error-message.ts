import { ApiError } from '@/demos/lib/api/api-error'
import { isUploadContentType } from './attachment-schemas'
import { UploadError } from './upload-file'

/** Say it in words a person can act on; every branch names what to do next. */
export type UploadProblem = { message: string; retryable: boolean }

const TYPES_IN_WORDS = 'a PNG, JPEG or GIF image, a PDF, a ZIP archive, or a plain text or CSV file'

/** Refuses before anything is sent what the API would refuse anyway. */
export function checkFileBeforeUpload(file: { size: number; type: string }): UploadProblem | null {
  if (file.size === 0) return { message: 'This file is empty. Choose a file with something in it.', retryable: false }
  if (!isUploadContentType(file.type)) {
    return { message: `Files of this type cannot be attached. Choose ${TYPES_IN_WORDS}.`, retryable: false }
  }
  return null
}

/** What went wrong with a grant or an upload, and whether trying the same file again can help. */
export function uploadErrorMessage(error: unknown): UploadProblem {
  if (!(error instanceof ApiError)) return { message: 'The upload failed unexpectedly. Try again.', retryable: true }
  const uploading = error instanceof UploadError
  switch (error.status) {
    case 0:
      return { message: 'The upload did not reach the server. Check your connection, then retry.', retryable: true }
    case 413: {
      const limit = bytesIn(error.message, /at most (\d+) bytes/)
      return limit === null
        ? { message: 'The file is larger than it was when the upload began. Choose it again.', retryable: false }
        : { message: `This file is too large: the limit is ${formatBytes(limit)}. Choose a smaller file.`, retryable: false }
    }
    case 415:
      return { message: `The file's content does not match its type. Choose ${TYPES_IN_WORDS}.`, retryable: false }
    case 409: {
      const quota = bytesIn(error.message, /quota of (\d+) bytes/)
      const of = quota === null ? '' : ` of ${formatBytes(quota)}`
      return { message: `This file would take your account past its storage quota${of}. Choose a smaller file.`, retryable: false }
    }
    case 401:
    case 403:
      // From the upload, the grant's token expired or was spent; a retry asks for a new one.
      // From the grant, the session is over (the typed client has already tried a refresh).
      return uploading
        ? { message: 'The permission to upload expired or was already used. Retry to get a new one.', retryable: true }
        : { message: 'Your session has ended. Sign in again, then attach the file.', retryable: false }
    case 404:
      return { message: 'This goal no longer exists.', retryable: false }
    case 400:
      return uploading
        ? { message: 'The file changed while it was being sent. Retry, or choose it again.', retryable: true }
        : { message: `The API did not accept this file: ${error.message}`, retryable: false }
    default:
      return { message: `The upload failed (${error.status}): ${error.message} Try again.`, retryable: error.status >= 500 || error.status === 429 }
  }
}

/** `26214400` → `25 MB`; `1572864` → `1.5 MB`. Binary megabytes, as file managers count them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${round(bytes / 1024)} KB`
  return `${round(bytes / (1024 * 1024))} MB`
}

const round = (value: number) => String(Math.round(value * 10) / 10)

// The limits come from the API's own ProblemDetails, so the message states the API's figure, not a copy.
function bytesIn(detail: string, pattern: RegExp): number | null {
  const match = pattern.exec(detail)
  return match ? Number(match[1]) : null
}
