import { ApiError } from '@/demos/lib/api/api-error'
import { type Attachment, attachmentSchema, type UploadContentType, type UploadGrant } from './attachment-schemas'

/** The API's header for the grant's token: its own, never Authorization and never a cookie. */
export const UPLOAD_TOKEN_HEADER = 'X-Upload-Token'

/** The API refused the upload itself (status set), or it never arrived (status 0: network, CORS). */
export class UploadError extends ApiError {
  constructor(status: number, problem?: { title?: string; detail?: string }) {
    super(status, status === 0 ? { detail: 'The upload did not reach the server.' } : problem)
    this.name = 'UploadError'
  }
}

type Options = {
  contentType: UploadContentType
  /** Bytes sent so far, and of how many. */
  onProgress: (loaded: number, total: number) => void
  signal: AbortSignal
}

// #region upload-file
/**
 * Sends one file straight to the API's upload URL with the grant's token. Not
 * fetch: fetch reports no upload progress, XMLHttpRequest does. Resolves with
 * the stored attachment; rejects with an UploadError, or an AbortError when
 * the signal fires.
 */
export function uploadFile(grant: UploadGrant, file: Blob, { contentType, onProgress, signal }: Options): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const xhr = new XMLHttpRequest()
    // 1. The grant's URL: the API's own origin when it has one, else a path on this site.
    xhr.open('PUT', new URL(grant.uploadUrl, window.location.href))
    // 2. The token travels in this one request's header. withCredentials stays false:
    //    no cookie goes to the API, and its CORS policy allows none.
    xhr.setRequestHeader(UPLOAD_TOKEN_HEADER, grant.uploadToken)
    // 3. The type the grant was issued for; the API checks the first bytes against it.
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.responseType = 'json'

    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size)
    xhr.onload = () => {
      signal.removeEventListener('abort', cancel)
      if (xhr.status === 201) {
        const attachment = attachmentSchema.safeParse(xhr.response)
        return attachment.success ? resolve(attachment.data) : reject(new UploadError(502, { detail: 'The API answered with something other than an attachment.' }))
      }
      reject(new UploadError(xhr.status, xhr.response ?? undefined))
    }
    // A refused preflight lands here too: the browser tells page code nothing more.
    xhr.onerror = () => reject(new UploadError(0))
    xhr.onabort = () => reject(signal.reason ?? new DOMException('The upload was cancelled.', 'AbortError'))
    const cancel = () => xhr.abort()
    signal.addEventListener('abort', cancel, { once: true })
    xhr.send(file)
  })
}
// #endregion upload-file
