// #region client-address
/**
 * The browser's address, for per-address rate limits and for the API's own
 * limits (the BFF forwards it as X-Forwarded-For).
 *
 * Forwarding headers are written by whoever sent the request, so they are
 * trusted only as far as `TRUSTED_PROXY_HOPS` says (default 0):
 * - 0: no proxy in front; the TCP peer is the client, and any X-Forwarded-For
 *   it sent is ignored;
 * - n: n reverse proxies in front, each appending the address it saw; the
 *   n-th entry from the right is the one the outermost of them wrote.
 * A higher number than the real one lets a client pick its own key again.
 *
 * Route handlers cannot see the TCP peer; the site's server (server.mjs) puts
 * it in a header of its own after dropping any a client sent. Where that
 * server is not in front (`next dev`), Next.js puts the peer in
 * X-Forwarded-For only when the client sent none, so the last entry is the
 * best there is: fine for development, not for a deployment.
 */
export function clientAddress(request: Request): string | null {
  const { headers } = request
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const peer = socketAddress(headers)
  if (peer === undefined) return forwarded.at(-1) ?? null
  // Walk from the peer outwards, one trusted hop at a time.
  const chain = [...forwarded, peer]
  const hops = trustedProxyHops()
  return chain[Math.max(0, chain.length - 1 - hops)] || null
}
// #endregion client-address

/** The TCP peer as server.mjs reports it; undefined where nothing reports it (`next dev`). */
export function socketAddress(headers: Headers): string | undefined {
  const name = (globalThis as Record<symbol, unknown>)[Symbol.for('bff-reference.socket-address-header')]
  return typeof name === 'string' ? (headers.get(name) ?? '') : undefined
}

function trustedProxyHops(): number {
  const raw = process.env.TRUSTED_PROXY_HOPS ?? '0'
  const hops = Number(raw)
  if (!/^\d+$/.test(raw) || hops > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got ${JSON.stringify(raw)}`)
  }
  return hops
}
