import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import type { LabStep } from './lab-attack-names'

// Addresses from TEST-NET-3 (RFC 5737): never a real client's.
const spoofed = () => `203.0.113.${1 + Math.floor(Math.random() * 254)}`

/**
 * 9. Choosing your own client address: every request carries a fresh
 * X-Forwarded-For, as a password sprayer would send to dodge per-address limits.
 */
export async function trySpoofedAddress(): Promise<LabStep[]> {
  const steps: LabStep[] = []

  // 1. Which address the site's limits key on, for three spoofed headers.
  const seen = new Set<string>()
  for (let i = 0; i < 3; i++) {
    const sent = spoofed()
    const response = await fetch('/api/lab/client-address', { headers: { 'x-forwarded-for': sent }, cache: 'no-store' })
    const { address } = (await response.json()) as { address: string | null }
    seen.add(String(address))
    const followed = address === sent
    steps.push({
      label: `The address the limits key on, with X-Forwarded-For: ${sent}`,
      status: response.status,
      blocked: !followed,
      detail: followed ? 'The site took the header: each request is a new client to every per-address limit.' : `${address ?? 'none'}: the header was ignored.`,
    })
  }
  if (seen.size > 1) steps.push({ label: 'One key for all three', status: 0, blocked: false, detail: `The key changed with the header: ${[...seen].join(', ')}.` })

  // 2. Wrong passwords for a throwaway account, each from a "new" address. The
  //    API locks an account per client address, so the lock still arrives only
  //    if the address the BFF forwards is the real one.
  const email = `lab-spoof-${crypto.randomUUID().slice(0, 8)}@example.com`
  const guesses: LabStep[] = []
  for (let attempt = 1; attempt <= 7; attempt++) {
    const sent = spoofed()
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ANTI_FORGERY_HEADER]: '1', 'x-forwarded-for': sent },
      body: JSON.stringify({ email, password: `guess-${attempt}` }),
    })
    const wait = response.headers.get('retry-after')
    guesses.push({ label: `Guess ${attempt} for ${email}, X-Forwarded-For: ${sent}`, status: response.status, blocked: response.status !== 200, detail: wait ? `429, Retry-After: ${wait} s` : `Answered ${response.status}.` })
  }
  // Failing guesses are expected; what matters is that the limit came anyway.
  const last = guesses.at(-1)!
  last.blocked = last.status === 429
  if (!last.blocked) last.detail = `No limit after ${guesses.length} guesses from ${guesses.length} "addresses": ${last.detail}`
  return [...steps, ...guesses]
}
