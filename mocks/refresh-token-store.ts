import { randomUUID } from 'node:crypto'
import type { Clock } from './clock'
import { type Family, type FamilyReport, hashRefreshToken, newRefreshToken, type Rotation, type TokenRecord } from './refresh-token-records'

export type { FamilyReport, Rotation, RotationFailure } from './refresh-token-records'

const pruneEveryMs = 60_000

/**
 * Two implementations: this file's, in process memory (the default and the
 * reference behaviour), and redis-refresh-token-store.ts's, shared by every
 * instance on one Redis (REDIS_URL).
 */
export interface RefreshTokenStore {
  issue(userId: string): Promise<{ refreshToken: string; familyId: string; expiresAt: number }>
  rotate(presented: string): Promise<Rotation>
  replayPrevious(familyId: string): Promise<'revoked' | 'nothing-to-replay'>
  isRevoked(familyId: string): Promise<boolean>
  report(familyId: string): Promise<FamilyReport | undefined>
  revokeFamilyOf(presented: string): Promise<void>
  revokeFamily(familyId: string): Promise<void>
  dropUser(userId: string): Promise<void>
  /** Tokens held, spent ones included: what maxTokens bounds. */
  countTokens(): Promise<number>
}

export interface RefreshTokenStoreOptions {
  familySeconds: number
  overlapSeconds: number
  maxTokens: number
  /**
   * How long a revocation must outlive everything else: the longest an access
   * token of the family can still verify (its lifetime plus the clock skew).
   */
  revocationSeconds: number
  clock: Clock
}

/**
 * Refresh tokens with rotation and reuse detection, grouped in families: one
 * family per login, with an absolute expiry that rotation never extends.
 * Revoked families stay as tombstones until that expiry so a replayed token is
 * reported as revoked rather than unknown.
 */
export function createRefreshTokenStore({ familySeconds, overlapSeconds, maxTokens, revocationSeconds, clock }: RefreshTokenStoreOptions): RefreshTokenStore {
  const tokens = new Map<string, TokenRecord>()
  const families = new Map<string, Family>()
  // Revoked family ids, each until its last access token has expired. Kept
  // apart from `families`, which pruning may empty when the store is full: a
  // dropped family must not turn a revoked session back into a valid one.
  // Oldest first, so a sweep stops at the first live entry.
  const revocations = new Map<string, number>()
  // Records holding a successor's plaintext, oldest first: the window is the
  // same length for all, so sweeping from the front finds every expired one.
  const openOverlaps = new Map<string, number>()
  let lastPrune = clock()

  /** Plaintext never outlives its window: a memory dump after it shows only hashes. */
  function closeOverlaps(now: number): void {
    for (const [hash, until] of openOverlaps) {
      if (until > now) break
      delete tokens.get(hash)?.overlap
      openOverlaps.delete(hash)
    }
  }

  function add(familyId: string, family: Family): string {
    const token = newRefreshToken()
    const hash = hashRefreshToken(token)
    tokens.set(hash, { familyId, createdAt: clock() })
    family.hashes.push(hash)
    return token
  }

  function dropFamily(familyId: string): void {
    for (const hash of families.get(familyId)?.hashes ?? []) {
      tokens.delete(hash)
      openOverlaps.delete(hash)
    }
    families.delete(familyId)
  }

  function revoke(familyId: string, family: Family): void {
    family.revoked = true
    revocations.delete(familyId)
    revocations.set(familyId, clock() + revocationSeconds * 1000)
  }

  function prune(): void {
    const now = clock()
    for (const [id, until] of revocations) {
      if (until > now) break
      revocations.delete(id)
    }
    if (tokens.size < maxTokens && now - lastPrune < pruneEveryMs) return
    lastPrune = now
    for (const [id, family] of families) if (now >= family.expiresAt) dropFamily(id)
    // Still full: drop the oldest logins (Map order is creation order).
    for (const id of families.keys()) {
      if (tokens.size < maxTokens) break
      dropFamily(id)
    }
  }

  function issue(userId: string): { refreshToken: string; familyId: string; expiresAt: number } {
    prune()
    const familyId = randomUUID()
    const now = clock()
    const family: Family = { userId, createdAt: now, expiresAt: now + familySeconds * 1000, revoked: false, hashes: [], overlapReuses: 0 }
    families.set(familyId, family)
    return { refreshToken: add(familyId, family), familyId, expiresAt: family.expiresAt }
  }

  function rotate(presented: string): Rotation {
    return spend(hashRefreshToken(presented), { overlap: true })
  }

  // #region rotate
  function spend(hash: string, { overlap }: { overlap: boolean }): Rotation {
    prune()
    const now = clock()
    closeOverlaps(now)
    // 1. Look the token up by its hash; plaintext refresh tokens are never stored.
    const record = tokens.get(hash)
    const family = record && families.get(record.familyId)
    if (!record || !family) return { ok: false, reason: 'invalid' }
    const rotated = (refreshToken: string): Rotation => {
      return { ok: true, userId: family.userId, familyId: record.familyId, refreshToken, expiresAt: family.expiresAt }
    }
    // 2. A revoked family stays revoked, whichever of its tokens is presented.
    if (family.revoked) return { ok: false, reason: 'revoked' }
    // 3. The absolute expiry was fixed at login.
    if (now >= family.expiresAt) return { ok: false, reason: 'expired' }
    // 4. A used token is a replay, unless it is the immediately previous one
    //    (its successor is still unused) and the overlap window is still open:
    //    then the caller lost a race, and gets the successor already issued.
    if (record.usedAt !== undefined) {
      const successor = record.successorHash ? tokens.get(record.successorHash) : undefined
      if (overlap && record.overlap && successor?.usedAt === undefined) {
        family.overlapReuses += 1
        return rotated(record.overlap.successor)
      }
      revoke(record.familyId, family)
      return { ok: false, reason: 'reused' }
    }
    // 5. Rotate: mark this token used and chain the successor to it.
    const refreshToken = add(record.familyId, family)
    record.usedAt = now
    record.successorHash = hashRefreshToken(refreshToken)
    if (overlapSeconds > 0) {
      record.overlap = { successor: refreshToken, until: now + overlapSeconds * 1000 }
      openOverlaps.set(hash, record.overlap.until)
    }
    return rotated(refreshToken)
  }
  // #endregion rotate

  /**
   * Demo only (POST /api/demo/replay-refresh-token): presents the family's
   * previous, already rotated token the way a thief with an old copy would,
   * long after the overlap window. The real reuse detection then revokes it.
   */
  function replayPrevious(familyId: string): 'revoked' | 'nothing-to-replay' {
    const hashes = families.get(familyId)?.hashes ?? []
    if (hashes.length < 2) return 'nothing-to-replay'
    spend(hashes[hashes.length - 2], { overlap: false })
    return 'revoked'
  }

  /** Whether the API should refuse the family's access tokens too (logout, reuse). */
  function isRevoked(familyId: string): boolean {
    if (families.get(familyId)?.revoked) return true
    return (revocations.get(familyId) ?? 0) > clock()
  }

  function report(familyId: string): FamilyReport | undefined {
    const family = families.get(familyId)
    if (!family) return undefined
    const { createdAt, expiresAt, hashes, overlapReuses, revoked } = family
    return { createdAt, expiresAt, rotations: hashes.length - 1, overlapReuses, revoked }
  }

  /** Logout. Unknown tokens are ignored so logout stays idempotent. */
  function revokeFamilyOf(presented: string): void {
    const record = tokens.get(hashRefreshToken(presented))
    if (record) revokeFamily(record.familyId)
  }

  /** Logout by the access token's `sid`, when the caller holds no refresh token. */
  function revokeFamily(familyId: string): void {
    const family = families.get(familyId)
    if (family) revoke(familyId, family)
  }

  /** Account eviction: the user's families go entirely. */
  function dropUser(userId: string): void {
    for (const [id, family] of families) if (family.userId === userId) dropFamily(id)
  }

  // Async like the Redis store's; every step above is synchronous, so each call is still atomic here.
  return {
    issue: async (userId) => issue(userId),
    rotate: async (presented) => rotate(presented),
    replayPrevious: async (familyId) => replayPrevious(familyId),
    isRevoked: async (familyId) => isRevoked(familyId),
    report: async (familyId) => report(familyId),
    revokeFamilyOf: async (presented) => revokeFamilyOf(presented),
    revokeFamily: async (familyId) => revokeFamily(familyId),
    dropUser: async (userId) => dropUser(userId),
    countTokens: async () => tokens.size,
  }
}
