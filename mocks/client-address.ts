/**
 * The client address the handlers see: set by handle-request.ts on the
 * handlers' own copy of the request, after dropping any header of that name
 * the caller sent.
 */
export const resolvedClientHeader = 'x-mock-client-address'

export function clientAddress(request: Request): string {
  return request.headers.get(resolvedClientHeader) || 'unknown'
}

/**
 * As ASP.NET Core's forwarded-headers middleware with ForwardLimit = 1 does it:
 * the last X-Forwarded-For entry counts only when the TCP peer is a known
 * proxy (the BFF); anyone else is taken at their socket address, whatever
 * they wrote. `peer` is undefined only where no server reports it (`next dev`).
 */
export function resolveClientAddress(headers: Headers, peer: string | undefined, knownProxies: string[]): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
  if (peer === undefined) return forwarded || 'unknown'
  // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d.
  const address = peer.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  if (forwarded && knownProxies.includes(address)) return forwarded
  return address || 'unknown'
}
