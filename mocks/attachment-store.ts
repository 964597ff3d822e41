import type { Attachment } from './schemas'

export interface StoredAttachment extends Attachment {
  accountId: string
  goalId: string
  bytes: Uint8Array
}

/**
 * Attachments, in memory. Three bounds keep it small: the per-file maximum
 * and the per-account quota (checked by the handlers), and a cap on the
 * instance's total bytes, past which the oldest files go first, as the oldest
 * throwaway accounts do in store.ts. Evicting an account drops its files.
 */
export function createAttachmentStore({ maxTotalBytes }: { maxTotalBytes: number }) {
  // Insertion order is age order, which eviction relies on.
  const attachments = new Map<string, StoredAttachment>()
  let totalBytes = 0

  function remove(id: string): void {
    const attachment = attachments.get(id)
    if (!attachment) return
    attachments.delete(id)
    totalBytes -= attachment.size
  }

  function add(attachment: StoredAttachment): void {
    for (const oldest of attachments.values()) {
      if (totalBytes + attachment.size <= maxTotalBytes) break
      remove(oldest.id)
    }
    attachments.set(attachment.id, attachment)
    totalBytes += attachment.size
  }

  /** Oldest first. */
  function list(accountId: string, goalId: string): StoredAttachment[] {
    return [...attachments.values()].filter((a) => a.accountId === accountId && a.goalId === goalId)
  }

  function find(accountId: string, goalId: string, id: string): StoredAttachment | undefined {
    const attachment = attachments.get(id)
    return attachment?.accountId === accountId && attachment.goalId === goalId ? attachment : undefined
  }

  function usedBytes(accountId: string): number {
    let used = 0
    for (const attachment of attachments.values()) if (attachment.accountId === accountId) used += attachment.size
    return used
  }

  function dropWhere(test: (attachment: StoredAttachment) => boolean): void {
    for (const attachment of [...attachments.values()]) if (test(attachment)) remove(attachment.id)
  }

  return {
    add,
    list,
    find,
    usedBytes,
    dropGoal: (goalId: string) => dropWhere((a) => a.goalId === goalId),
    dropUser: (accountId: string) => dropWhere((a) => a.accountId === accountId),
  }
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>

/** The public fields only: never the bytes or the owner. */
export function toAttachment({ id, fileName, contentType, size, createdAt }: Attachment): Attachment {
  return { id, fileName, contentType, size, createdAt }
}
