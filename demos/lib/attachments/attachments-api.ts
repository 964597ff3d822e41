import { ApiError } from '@/demos/lib/api/api-error'
import { browserApi } from '@/demos/lib/api/browser-client'
import { toProxyPath } from '@/demos/lib/proxy/proxy-paths'
import { attachmentListSchema, type UploadContentType, uploadGrantSchema } from './attachment-schemas'

// The bearer side of a direct upload, through this site's proxy route like
// every other browser call: the proxy requires X-CSRF on the POST (the typed
// client adds it) and attaches the access token from the httpOnly cookie.

export type UploadRequest = { fileName: string; size: number; contentType: UploadContentType }

// #region request-upload-grant
/**
 * Asks the BFF for a single-use grant to upload one file to one goal. The
 * answer holds a token: the caller uses it for one PUT and drops it. It is
 * never put in a query cache, state or storage, and the proxy answers
 * `no-store`, so no cache keeps it either.
 */
export async function requestUploadGrant(goalId: string, file: UploadRequest, signal?: AbortSignal) {
  const { data, error, response } = await browserApi.POST('/api/goals/{id}/attachments/grants', {
    params: { path: { id: goalId } },
    body: file,
    signal,
  })
  if (!response.ok) throw new ApiError(response.status, error)
  return uploadGrantSchema.parse(data)
}
// #endregion request-upload-grant

export async function fetchAttachments(goalId: string, signal?: AbortSignal) {
  const { data, error, response } = await browserApi.GET('/api/goals/{id}/attachments', { params: { path: { id: goalId } }, signal })
  if (!response.ok) throw new ApiError(response.status, error)
  return attachmentListSchema.parse(data)
}

/**
 * A download goes through the BFF too: a plain same-origin link, so the
 * browser streams the file to disk and sends only its cookies. A signed link
 * to the API would put a credential in a URL, where history, logs and
 * Referer headers keep it.
 */
export function attachmentDownloadPath(goalId: string, attachmentId: string): string {
  return toProxyPath(`/api/goals/${encodeURIComponent(goalId)}/attachments/${encodeURIComponent(attachmentId)}`)!
}
