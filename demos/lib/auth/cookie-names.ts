// Kept free of `server-only` so proxy.ts can import it too.

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

const prefix = secureCookies ? '__Host-' : ''

export const ACCESS_COOKIE = `${prefix}bff.access`
export const REFRESH_COOKIE = `${prefix}bff.refresh`

/** Demo only: when "off", proxy.ts skips its check for this browser (see the route protection page). */
export const PROXY_CHECK_COOKIE = `${prefix}bff.demo-proxy-check`
