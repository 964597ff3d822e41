/**
 * The browser's address as the reverse proxy in front of Next.js reports it.
 * `next start` itself sets X-Forwarded-For to the socket address.
 */
export function clientAddress(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || request.headers.get('x-real-ip') || null
}
