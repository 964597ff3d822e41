import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from './clock'
import type { uploadContentTypes } from './schemas'

export interface UploadGrantRecord {
  accountId: string
  goalId: string
  /** Already sanitized display text. */
  fileName: string
  size: number
  contentType: (typeof uploadContentTypes)[number]
  expiresAt: number
  usedAt: number | null
}

export type ClaimResult = { ok: true; grant: UploadGrantRecord } | { ok: false; reason: 'unknown' | 'expired' | 'used' }

export type NewUploadGrant = Omit<UploadGrantRecord, 'expiresAt' | 'usedAt'>

/**
 * Two implementations: this file's, in process memory (the default and the
 * reference behaviour), and redis-upload-grant-store.ts's (REDIS_URL).
 */
export interface UploadGrantStore {
  issue(grant: NewUploadGrant): Promise<{ token: string; expiresAt: number }>
  /** Marks the grant used, whatever the upload's outcome: one token, one attempt, even when two race. */
  claim(token: string): Promise<ClaimResult>
  /**
   * Demo only (POST /api/demo/expire-upload-grants): the account's unused
   * grants run out now, as they would after uploadGrantSeconds, so a reader
   * can watch an expired token be refused without waiting five minutes.
   */
  expireUnused(accountId: string): Promise<void>
  /** An evicted account's grants go with it. */
  dropUser(accountId: string): Promise<void>
}

export interface UploadGrantStoreOptions {
  grantSeconds: number
  maxGrants: number
  clock: Clock
}

export const newUploadToken = () => randomBytes(32).toString('base64url')
export const hashUploadToken = (token: string) => createHash('sha256').update(token).digest('base64url')

/**
 * Upload grants, keyed by the SHA-256 of their token: the token itself is
 * handed out once and never kept, so a copy of this map uploads nothing. A
 * used grant stays until it expires, so a replay is told "used" rather than
 * "unknown". Bounded: past maxGrants the oldest go first.
 */
export function createUploadGrantStore({ grantSeconds, maxGrants, clock }: UploadGrantStoreOptions): UploadGrantStore {
  const grants = new Map<string, UploadGrantRecord>()

  function forgetExpired(): void {
    const now = clock()
    for (const [hash, grant] of grants) if (grant.expiresAt <= now) grants.delete(hash)
  }

  async function issue(grant: NewUploadGrant): Promise<{ token: string; expiresAt: number }> {
    forgetExpired()
    while (grants.size >= maxGrants) grants.delete(grants.keys().next().value!)
    const token = newUploadToken()
    const expiresAt = clock() + grantSeconds * 1000
    grants.set(hashUploadToken(token), { ...grant, expiresAt, usedAt: null })
    return { token, expiresAt }
  }

  /** Nothing awaits between the check and the mark, so two concurrent requests with one token cannot both pass. */
  async function claim(token: string): Promise<ClaimResult> {
    const grant = grants.get(hashUploadToken(token))
    if (!grant) return { ok: false, reason: 'unknown' }
    if (grant.usedAt !== null) return { ok: false, reason: 'used' }
    if (grant.expiresAt <= clock()) return { ok: false, reason: 'expired' }
    grant.usedAt = clock()
    return { ok: true, grant }
  }

  async function expireUnused(accountId: string): Promise<void> {
    const now = clock()
    for (const grant of grants.values()) {
      if (grant.accountId === accountId && grant.usedAt === null && grant.expiresAt > now) grant.expiresAt = now
    }
  }

  async function dropUser(accountId: string): Promise<void> {
    for (const [hash, grant] of grants) if (grant.accountId === accountId) grants.delete(hash)
  }

  return { issue, claim, expireUnused, dropUser }
}
