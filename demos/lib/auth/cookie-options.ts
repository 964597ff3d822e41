import 'server-only'

// The auth cookies' names and flags, for everything that sets or reads them:
// proxy.ts, the auth route handlers, the DAL and the server clients. All of it
// runs on the server; no browser code needs them, as the cookies are httpOnly.

/**
 * Secure cookies in production, with the `__Host-` prefix: the browser then
 * refuses them unless they are Secure, Path=/ and have no Domain, so a sibling
 * subdomain cannot plant or shadow them. Plain `http://` development servers in
 * Safari cannot store Secure cookies, so development falls back to unprefixed,
 * non-Secure names. AUTH_COOKIE_SECURE=false forces the fallback in production
 * (for a local `next start` over plain HTTP in such a browser).
 */
export const secureCookies =
  process.env.AUTH_COOKIE_SECURE === 'true' ||
  (process.env.NODE_ENV === 'production' && process.env.AUTH_COOKIE_SECURE !== 'false')

/** A cookie's name: `__Host-` prefixed exactly when cookies are Secure. */
export function cookieName(name: string): string {
  return `${secureCookies ? '__Host-' : ''}${name}`
}

export const ACCESS_COOKIE = cookieName('bff.access')
export const REFRESH_COOKIE = cookieName('bff.refresh')

// #region cookie-flags
/** Every cookie this BFF sets carries these; each adds its own `maxAge`. */
export const COOKIE_FLAGS = {
  httpOnly: true, // page JavaScript cannot read it: an XSS bug cannot steal it
  sameSite: 'lax', // not sent on cross-site POSTs, still sent on top-level links
  path: '/',
  secure: secureCookies, // HTTPS only in production (and required by __Host-)
} as const
// #endregion cookie-flags
