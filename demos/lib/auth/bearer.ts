/**
 * Shaped like a JWT: three base64url parts (an empty signature is still the
 * shape, so an `alg: none` forgery reaches the API and is refused there).
 * A cookie value of any other shape is not a token, and some (a decoded
 * newline, non-Latin-1 text) are not even a valid header value.
 */
export const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/

/** `Bearer <token>` for a server-to-server call, or null when the value cannot be a token. */
export function bearerAuthorization(token: string | undefined): string | null {
  return token && JWT_SHAPE.test(token) ? `Bearer ${token}` : null
}
