'use client'

import { useId } from 'react'
import { UPLOAD_CONTENT_TYPES } from '@/demos/lib/attachments/attachment-schemas'
import { formatBytes } from '@/demos/lib/attachments/upload-error-message'
import { useAttachmentUpload } from '@/demos/lib/attachments/use-attachment-upload'

/** The file input, the progress of the one upload under way, and what to do when it fails. */
export function AttachmentUpload({ goalId, goalTitle }: { goalId: string; goalTitle: string }) {
  const upload = useAttachmentUpload(goalId)
  const inputId = useId()
  const { progress, file } = upload
  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0
  const canRetry = !upload.uploading && (upload.cancelled || upload.problem?.retryable === true)

  return (
    <div className="bff-upload">
      <label htmlFor={inputId}>Attach a file to &ldquo;{goalTitle}&rdquo;</label>
      <input
        id={inputId}
        type="file"
        accept={UPLOAD_CONTENT_TYPES.join(',')}
        disabled={upload.uploading}
        onChange={(event) => {
          const chosen = event.target.files?.[0]
          // Cleared at once, so choosing the same file again is a new change.
          event.target.value = ''
          if (chosen) upload.start(chosen)
        }}
      />
      {upload.uploading && progress && file && (
        <div className="bff-upload-progress">
          <progress max={progress.total} value={progress.loaded} aria-label={`Uploading ${file.name}`} />
          <span aria-hidden="true">{percent}% of {formatBytes(progress.total)}</span>
          <button type="button" onClick={upload.cancel}>Cancel upload</button>
        </div>
      )}
      <p role="status" className="bff-upload-status">
        {upload.uploaded && !upload.uploading && `Attached ${upload.uploaded.fileName}.`}
        {upload.cancelled && file && `The upload of ${file.name} was cancelled.`}
      </p>
      <p role="alert" className="bff-error">{upload.problem?.message}</p>
      {canRetry && <button type="button" onClick={upload.retry}>Retry upload</button>}
    </div>
  )
}
