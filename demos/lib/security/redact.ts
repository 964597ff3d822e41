/** Anything shaped like a JWT (three base64url parts, the first starting `{"`). */
export const JWT_SHAPE = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g

/** The lab reports what happened, never the tokens it used: any JWT-shaped text becomes a marker. */
export function redactTokens(text: string): string {
  return text.replace(JWT_SHAPE, '[token redacted]')
}
