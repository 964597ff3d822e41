import 'server-only'
import { clientAddress } from '@/demos/lib/http/client-address'
import { problem } from '@/demos/lib/http/problem'
import { createRateLimit } from '@/demos/lib/http/rate-limit'

// Each lab run costs a few server-side requests: 30 a minute per address is plenty for a reader.
const store = globalThis as typeof globalThis & { labRateLimit?: ReturnType<typeof createRateLimit> }
const labLimit = (store.labRateLimit ??= createRateLimit({ limit: 30, windowSeconds: 60, maxKeys: 10_000 }))

export function rejectOverLabRateLimit(request: Request): Response | null {
  const wait = labLimit.take(clientAddress(request) ?? 'unknown')
  if (wait === 0) return null
  return problem({ status: 429, title: 'Too many lab runs', detail: `Try again in ${wait} seconds.` }, { 'Retry-After': String(wait) })
}
