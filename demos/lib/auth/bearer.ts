// Three base64url parts. An empty signature is still the shape, so an
// `alg: none` forgery reaches the API and is refused there.
const JWT = String.raw`[\w-]+\.[\w-]+\.[\w-]*`

/**
 * A value shaped like a JWT. A cookie value of any other shape is not a token,
 * and some (a decoded newline, non-Latin-1 text) are not even a valid header value.
 */
export const JWT_SHAPE = new RegExp(`^${JWT}$`)

/**
 * The same shape inside other text: a body, a header, a page, a bundle. A
 * JSON header in base64url starts `eyJ` (`{"`), which keeps version numbers
 * and host names out. Add the `g` flag to replace every match.
 */
export const JWT_IN_TEXT = new RegExp(`eyJ${JWT}`)

/** `Bearer <token>` for a server-to-server call, or null when the value cannot be a token. */
export function bearerAuthorization(token: string | undefined): string | null {
  return token && JWT_SHAPE.test(token) ? `Bearer ${token}` : null
}
