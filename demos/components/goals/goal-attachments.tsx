'use client'

import { useQuery } from '@tanstack/react-query'
import type { Goal } from '@/demos/lib/goals/goal-schemas'
import { attachmentDownloadPath } from '@/demos/lib/attachments/attachments-api'
import { attachmentListQuery } from '@/demos/lib/attachments/attachments-query'
import { formatBytes } from '@/demos/lib/attachments/upload-error-message'
import { AttachmentUpload } from './attachment-upload'
import { LoadError } from '@/demos/components/load-error'

/** A goal's files, each a download through the BFF, and the form to attach another. */
export function GoalAttachments({ goal, id }: { goal: Goal; id: string }) {
  const { data, error, refetch } = useQuery(attachmentListQuery(goal.id))

  return (
    <section id={id} className="bff-attachments" aria-label={`Attachments of "${goal.title}"`}>
      {error && <LoadError what="The attachments" error={error} onRetry={() => refetch()} />}
      {data && (
        <ul className="bff-attachment-list" data-testid="attachment-list">
          {data.map((attachment) => (
            <li key={attachment.id} data-testid="attachment">
              {/* Same-origin, so `download` applies; the API's Content-Disposition says the same. */}
              <a href={attachmentDownloadPath(goal.id, attachment.id)} download>{attachment.fileName}</a>{' '}
              <span className="bff-attachment-meta">{formatBytes(attachment.size)} · {attachment.contentType}</span>
            </li>
          ))}
          {data.length === 0 && <li className="bff-empty">No files yet.</li>}
        </ul>
      )}
      <AttachmentUpload goalId={goal.id} goalTitle={goal.title} />
    </section>
  )
}
