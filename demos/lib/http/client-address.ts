/**
 * The browser's address as the reverse proxy in front of Next.js reports it.
 *
 * The LAST X-Forwarded-For entry: a proxy appends the address it saw, so the
 * last entry is the one this site's own proxy wrote, while every earlier one
 * came from the client and can say anything. (The first entry is the common
 * choice, and it lets any client pick its own rate-limit key.) Behind more
 * than one proxy, configure the outer ones to overwrite the header. Bare
 * `next start` keeps a header the client sent, so without a proxy in front the
 * client still chooses; the threat model page lists that as a deployment need.
 */
export function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
  return forwarded || request.headers.get('x-real-ip') || null
}
