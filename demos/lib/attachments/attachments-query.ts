import { queryOptions } from '@tanstack/react-query'
import { fetchAttachments } from './attachments-api'

/** Every attachment cache key starts here; an upload invalidates its goal's list. */
export const attachmentKeys = {
  all: ['attachments'] as const,
  list: (goalId: string) => [...attachmentKeys.all, 'list', goalId] as const,
}

/** The one definition of a goal's attachment list, read through the proxy. */
export function attachmentListQuery(goalId: string) {
  return queryOptions({
    queryKey: attachmentKeys.list(goalId),
    queryFn: ({ signal }) => fetchAttachments(goalId, signal),
  })
}
