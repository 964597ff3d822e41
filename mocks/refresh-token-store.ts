import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from './clock'

/** Opaque refresh tokens: 32 random bytes. Only their SHA-256 is ever stored. */
function newRefreshToken(): string {
  return randomBytes(32).toString('base64url')
}

function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

interface TokenRecord {
  familyId: string
  createdAt: number
  usedAt?: number
  successorHash?: string
  /**
   * Only while an overlap window is configured: the successor's plaintext, so
   * a client that lost the race (two tabs refreshing at once) can be handed
   * the same successor instead of tripping reuse detection.
   */
  overlap?: { successor: string; until: number }
}

interface Family {
  userId: string
  expiresAt: number
  revoked: boolean
  hashes: string[]
}

export type RotationFailure = 'invalid' | 'expired' | 'revoked' | 'reused'
export type Rotation =
  | { ok: true; userId: string; refreshToken: string; expiresAt: number }
  | { ok: false; reason: RotationFailure }

interface Options {
  familySeconds: number
  overlapSeconds: number
  maxTokens: number
  clock: Clock
}

const pruneEveryMs = 60_000

/**
 * Refresh tokens with rotation and reuse detection, grouped in families: one
 * family per login, with an absolute expiry that rotation never extends.
 * Revoked families stay as tombstones until that expiry so a replayed token is
 * reported as revoked rather than unknown.
 */
export function createRefreshTokenStore({ familySeconds, overlapSeconds, maxTokens, clock }: Options) {
  const tokens = new Map<string, TokenRecord>()
  const families = new Map<string, Family>()
  let lastPrune = clock()

  function add(familyId: string, family: Family): string {
    const token = newRefreshToken()
    const hash = hashRefreshToken(token)
    tokens.set(hash, { familyId, createdAt: clock() })
    family.hashes.push(hash)
    return token
  }

  function dropFamily(familyId: string): void {
    for (const hash of families.get(familyId)?.hashes ?? []) tokens.delete(hash)
    families.delete(familyId)
  }

  function prune(): void {
    const now = clock()
    if (tokens.size < maxTokens && now - lastPrune < pruneEveryMs) return
    lastPrune = now
    for (const [id, family] of families) if (now >= family.expiresAt) dropFamily(id)
    // Still full: drop the oldest logins (Map order is creation order).
    for (const id of families.keys()) {
      if (tokens.size < maxTokens) break
      dropFamily(id)
    }
  }

  function issue(userId: string): { refreshToken: string; expiresAt: number } {
    prune()
    const familyId = randomUUID()
    const family: Family = { userId, expiresAt: clock() + familySeconds * 1000, revoked: false, hashes: [] }
    families.set(familyId, family)
    return { refreshToken: add(familyId, family), expiresAt: family.expiresAt }
  }

  function rotate(presented: string): Rotation {
    prune()
    const now = clock()
    // 1. Look the token up by its hash; plaintext refresh tokens are never stored.
    const record = tokens.get(hashRefreshToken(presented))
    const family = record && families.get(record.familyId)
    if (!record || !family) return { ok: false, reason: 'invalid' }
    // 2. A revoked family stays revoked, whichever of its tokens is presented.
    if (family.revoked) return { ok: false, reason: 'revoked' }
    // 3. The absolute expiry was fixed at login.
    if (now >= family.expiresAt) return { ok: false, reason: 'expired' }
    // 4. A used token is a replay, unless it falls inside the overlap window
    //    (off by default) and its successor has not been used yet.
    if (record.usedAt !== undefined) {
      const successor = record.successorHash ? tokens.get(record.successorHash) : undefined
      if (record.overlap && now < record.overlap.until && successor?.usedAt === undefined) {
        return { ok: true, userId: family.userId, refreshToken: record.overlap.successor, expiresAt: family.expiresAt }
      }
      family.revoked = true
      return { ok: false, reason: 'reused' }
    }
    // 5. Rotate: mark this token used and chain the successor to it.
    const refreshToken = add(record.familyId, family)
    record.usedAt = now
    record.successorHash = hashRefreshToken(refreshToken)
    if (overlapSeconds > 0) record.overlap = { successor: refreshToken, until: now + overlapSeconds * 1000 }
    return { ok: true, userId: family.userId, refreshToken, expiresAt: family.expiresAt }
  }

  /** Logout. Unknown tokens are ignored so logout stays idempotent. */
  function revokeFamilyOf(presented: string): void {
    const record = tokens.get(hashRefreshToken(presented))
    const family = record && families.get(record.familyId)
    if (family) family.revoked = true
  }

  /** Account eviction: the user's families go entirely. */
  function dropUser(userId: string): void {
    for (const [id, family] of families) if (family.userId === userId) dropFamily(id)
  }

  return {
    issue,
    rotate,
    revokeFamilyOf,
    dropUser,
    get size() {
      return tokens.size
    },
  }
}

export type RefreshTokenStore = ReturnType<typeof createRefreshTokenStore>
