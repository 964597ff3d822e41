import type { Attachment } from './schemas'

export interface StoredAttachment extends Attachment {
  accountId: string
  goalId: string
  bytes: Uint8Array
}

/**
 * Two implementations: this file's, in process memory (the default and the
 * reference behaviour), and redis-attachment-store.ts's (REDIS_URL).
 */
export interface AttachmentStore {
  add(attachment: StoredAttachment): Promise<void>
  /** Oldest first; without the bytes. */
  list(accountId: string, goalId: string): Promise<Attachment[]>
  find(accountId: string, goalId: string, id: string): Promise<StoredAttachment | undefined>
  usedBytes(accountId: string): Promise<number>
  dropGoal(accountId: string, goalId: string): Promise<void>
  dropUser(accountId: string): Promise<void>
}

/**
 * Attachments, in memory. Three bounds keep it small: the per-file maximum
 * and the per-account quota (checked by the handlers), and a cap on the
 * instance's total bytes, past which the oldest files go first, as the oldest
 * throwaway accounts do in store.ts. Evicting an account drops its files.
 */
export function createAttachmentStore({ maxTotalBytes }: { maxTotalBytes: number }): AttachmentStore {
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
    add: async (attachment) => add(attachment),
    list: async (accountId, goalId) => list(accountId, goalId),
    find: async (accountId, goalId, id) => find(accountId, goalId, id),
    usedBytes: async (accountId) => usedBytes(accountId),
    dropGoal: async (accountId, goalId) => dropWhere((a) => a.accountId === accountId && a.goalId === goalId),
    dropUser: async (accountId) => dropWhere((a) => a.accountId === accountId),
  }
}

/** The public fields only: never the bytes or the owner. */
export function toAttachment({ id, fileName, contentType, size, createdAt }: Attachment): Attachment {
  return { id, fileName, contentType, size, createdAt }
}
