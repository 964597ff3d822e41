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

/**
 * The key a per-client limit counts under: an IPv4 address as it is, an IPv6
 * address by its /64, as ClientAddress.Network does in the C# API. One IPv6
 * host is usually handed a whole /64, so counting single addresses would give
 * one visitor 2^64 quotas. Anything that is not an address ("unknown") is its
 * own key.
 */
export function clientNetwork(address: string): string {
  if (!address.includes(':')) return address
  const groups = ipv6Groups(address)
  if (!groups) return address
  // An IPv4 client in IPv6 clothing (::ffff:a.b.c.d) is that IPv4 address.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.')
  }
  // The URL parser writes the canonical compressed form (RFC 5952), as .NET's IPAddress does.
  const prefix = new URL(`http://[${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::]`).hostname
  return `${prefix.slice(1, -1)}/64`
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one (zone ids included). */
function ipv6Groups(address: string): number[] | null {
  if (!URL.canParse(`http://[${address}]`)) return null
  // Canonical: lower case, dotted IPv4 tails in hex, at most one "::".
  const host = new URL(`http://[${address}]`).hostname.slice(1, -1)
  const [head, tail] = host.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16))
}
