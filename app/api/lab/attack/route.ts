import { cookies } from 'next/headers'
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { clientAddress } from '@/demos/lib/http/client-address'
import { problem } from '@/demos/lib/http/problem'
import { readJsonBody } from '@/demos/lib/http/read-json-body'
import { LAB_ATTACKS } from '@/site/lib/attack-lab/lab-attack-names'
import { rejectOverLabRateLimit } from '@/site/lib/attack-lab/lab-rate-limit'
import { runLabAttack } from '@/site/lib/attack-lab/run-lab-attack'

// The attack lab's crafted requests a browser cannot send (spoofed internal
// headers, forged JWTs, un-normalised paths). It attacks only the caller's own
// session, runs only the listed attacks, and answers without any token text.
const bodySchema = z.object({ attack: z.enum(LAB_ATTACKS) })

export async function POST(request: Request) {
  // 1. Same checks as every mutating BFF route, and a budget per address.
  const limited = await rejectOverLabRateLimit(request)
  if (limited) return limited
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged
  const body = await readJsonBody(request, bodySchema)
  if (!body.ok) return body.response

  // 2. The caller's own token is the only one any attack starts from.
  const token = (await cookies()).get(ACCESS_COOKIE)?.value
  if (!token) return problem({ status: 401, title: 'Not signed in', detail: 'Sign in first: every attack runs against your own session.' })

  // 3. Run it and report, redacted. A cookie that is not a JWT at all cannot be tampered with.
  //    The caller's address goes along for anything the API counts per client (a throwaway account's registration).
  const outcome = await runLabAttack(body.data.attack, token, clientAddress(request)).catch(() => null)
  if (!outcome) return problem({ status: 400, title: 'Unreadable session', detail: 'Your access cookie does not hold a JWT. Sign in again.' })
  return NextResponse.json(outcome, { headers: { 'Cache-Control': 'private, no-store' } })
}
