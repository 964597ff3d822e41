import 'server-only'
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import type { RefreshOutcome } from './refresh-at-api'

/** What one instance tells the others about a refresh: the successor pair, or that the API refused the token. */
export type SharedRefreshOutcome = Extract<RefreshOutcome, { ok: true }> | { ok: false; rejected: true }

const VERSION = 'v1'

/**
 * Seals a refresh's outcome for the shared store with AES-256-GCM, under a key
 * derived (HKDF-SHA-256) from the refresh token it replaces. Only a request
 * that already holds that token can open it, so a copy of Redis reveals no
 * usable token. `context` (the store's key) is bound in as associated data:
 * a sealed value moved to another key does not open.
 */
export function sealRefreshResult(oldToken: string, outcome: SharedRefreshOutcome, context: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(oldToken), iv)
  cipher.setAAD(Buffer.from(context))
  const sealed = Buffer.concat([cipher.update(JSON.stringify(outcome), 'utf8'), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.')
}

/** The outcome, or null when the value was not sealed with this token for this context (or was tampered with). */
export function openRefreshResult(oldToken: string, value: string, context: string): SharedRefreshOutcome | null {
  const [version, iv, tag, sealed] = value.split('.')
  if (version !== VERSION || !iv || !tag || sealed === undefined) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(oldToken), Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(context))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
    return JSON.parse(plain) as SharedRefreshOutcome
  } catch {
    return null
  }
}

// The refresh token is a long random secret, so HKDF needs no secret salt;
// the fixed salt and info keep this key apart from any other use of the token.
function keyFrom(token: string): Buffer {
  return Buffer.from(hkdfSync('sha256', token, 'bff-jwt-reference', 'bff:refresh-result:v1', 32))
}
