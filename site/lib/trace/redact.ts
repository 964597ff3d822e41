import { decodeJwt } from 'jose'
import { JWT_IN_TEXT } from '@/demos/lib/auth/bearer'
import type { HeaderList } from './trace-types'

// Anything shaped like a JWT, wherever it turns up.
const JWT = new RegExp(JWT_IN_TEXT, 'g')
// Body fields whose values are secrets whatever they look like (a grant's `uploadToken` among them).
const SECRET_FIELD = /token|password|secret/i
// Headers that carry a credential other than Authorization: the upload grant's single-use token.
const SECRET_HEADERS = new Set(['x-upload-token'])
/** Longest body kept per event, after redaction. */
export const MAX_BODY_CHARS = 2000

// #region redact-token
/**
 * `Bearer eyJ…[redacted, 318 chars] sub=42 exp in 13:42`: enough to tell
 * tokens apart and see when one expires, never enough to use one. The claims
 * are decoded, not verified: they describe the token, they prove nothing.
 */
export function describeToken(token: string, now = Date.now()): string {
  const shown = token.startsWith('eyJ') ? 'eyJ…' : ''
  const redacted = `${shown}[redacted, ${token.length} chars]`
  try {
    const { sub, exp } = decodeJwt(token)
    const parts = [redacted]
    if (typeof sub === 'string') parts.push(`sub=${sub.slice(0, 64)}`)
    if (typeof exp === 'number') parts.push(expiresIn(exp * 1000 - now))
    return parts.join(' ')
  } catch {
    return redacted // opaque (a refresh token) or malformed: its length is all there is to show
  }
}

export function redactAuthorization(value: string, now = Date.now()): string {
  const [scheme, ...rest] = value.split(' ')
  const credentials = rest.join(' ')
  return credentials ? `${scheme} ${describeToken(credentials, now)}` : '[redacted]'
}

/** `__Host-bff.access=[redacted, 318 chars]; Path=/; Max-Age=900; HttpOnly; SameSite=lax`: name and flags only. */
export function redactSetCookie(value: string): string {
  const [pair, ...flags] = value.split(';').map((part) => part.trim())
  const equals = pair.indexOf('=')
  const name = equals === -1 ? pair : pair.slice(0, equals)
  const cookieValue = equals === -1 ? '' : pair.slice(equals + 1)
  const shown = cookieValue ? `[redacted, ${cookieValue.length} chars]` : '(empty: deletes the cookie)'
  return [`${name}=${shown}`, ...flags.filter(Boolean)].join('; ')
}

/** `a=[redacted]; b=[redacted]`: which cookies the browser sent, not what they hold. */
export function redactCookieHeader(value: string): string {
  return value
    .split(';')
    .map((pair) => pair.trim().split('=')[0])
    .filter(Boolean)
    .map((name) => `${name}=[redacted]`)
    .join('; ')
}
// #endregion redact-token

// #region redact-body
/** JSON with every secret field and every JWT-shaped string replaced; anything else is summarised. */
export function redactBody(text: string, contentType: string | null, now = Date.now()): string {
  if (!text) return ''
  if (!/json/i.test(contentType ?? '')) return `[${text.length} chars of ${contentType ?? 'unknown type'}, not shown]`
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return `[${text.length} chars of malformed JSON, not shown]`
  }
  const shown = JSON.stringify(redactValue(parsed, now), null, 2)
  return shown.length > MAX_BODY_CHARS ? `${shown.slice(0, MAX_BODY_CHARS)}\n… [${shown.length - MAX_BODY_CHARS} more chars]` : shown
}

function redactValue(value: unknown, now: number, key = ''): unknown {
  if (typeof value === 'string') {
    if (SECRET_FIELD.test(key)) return describeToken(value, now)
    return value.replace(JWT, (token) => describeToken(token, now))
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, now))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redactValue(item, now, name)]))
  }
  return value
}
// #endregion redact-body

/**
 * The headers worth showing, redacted. An allowlist: a header nobody thought
 * of (a vendor's session header, say) is left out rather than shown raw.
 */
export function pickHeaders(headers: Pick<Headers, 'get' | 'getSetCookie'>, names: readonly string[], now = Date.now()): HeaderList {
  const picked: HeaderList = []
  for (const name of names) {
    if (name === 'set-cookie') {
      for (const cookie of headers.getSetCookie()) picked.push([name, redactSetCookie(cookie)])
      continue
    }
    const value = headers.get(name)
    if (value === null) continue
    if (name === 'authorization') picked.push([name, redactAuthorization(value, now)])
    else if (SECRET_HEADERS.has(name)) picked.push([name, describeToken(value, now)])
    else if (name === 'cookie') picked.push([name, redactCookieHeader(value)])
    else picked.push([name, value.replace(JWT, (token) => describeToken(token, now)).slice(0, 300)])
  }
  return picked
}

function expiresIn(ms: number): string {
  const clock = (total: number) => `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
  const seconds = Math.round(Math.abs(ms) / 1000)
  return ms >= 0 ? `exp in ${clock(seconds)}` : `expired ${clock(seconds)} ago`
}
