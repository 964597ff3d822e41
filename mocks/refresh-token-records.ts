import { createHash, randomBytes } from 'node:crypto'

// What the refresh-token store (refresh-token-store.ts) keeps, and how a token becomes a key.

// #region storage
/** Opaque refresh tokens: 32 random bytes. Only their SHA-256 is ever stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

export interface TokenRecord {
  familyId: string
  createdAt: number
  usedAt?: number
  successorHash?: string
  /**
   * Only during the overlap window after this token was rotated: the
   * successor's plaintext, so a client that lost the race (two tabs
   * refreshing at once) is handed the same successor instead of tripping
   * reuse detection. Dropped when the window closes.
   */
  overlap?: { successor: string; until: number }
}

/** One login: every token rotated from it, oldest first, and one absolute expiry. */
export interface Family {
  userId: string
  createdAt: number
  expiresAt: number
  revoked: boolean
  hashes: string[]
  /** Times the overlap window answered with an already-issued successor. */
  overlapReuses: number
}
// #endregion storage

export type RotationFailure = 'invalid' | 'expired' | 'revoked' | 'reused'
export type Rotation =
  | { ok: true; userId: string; familyId: string; refreshToken: string; expiresAt: number }
  | { ok: false; reason: RotationFailure }
export type FamilyReport = { createdAt: number; expiresAt: number; rotations: number; overlapReuses: number; revoked: boolean }
