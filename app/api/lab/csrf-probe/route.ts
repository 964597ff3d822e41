import { NextResponse, type NextRequest } from 'next/server'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { problem } from '@/demos/lib/http/problem'
import { sharedStoreUnavailable } from '@/demos/lib/http/shared-store-unavailable'
import { RedisUnavailableError } from '@/demos/lib/redis/redis-unavailable'
import { getProbeStore } from '@/site/lib/attack-lab/csrf-probe-store'

// The attack lab's witness for the cross-site page (public/lab/evil-site.html).
// That page cannot read this site's answers (CORS), so each of its attempts
// also hits this route, which notes what arrived: was the session cookie
// sent (SameSite), was the anti-forgery header there. It changes nothing else.
const RUN = /^[\w-]{8,64}$/
const ATTEMPT = /^[\w-]{1,40}$/

export async function POST(request: NextRequest) {
  const run = request.nextUrl.searchParams.get('run') ?? ''
  const attempt = request.nextUrl.searchParams.get('attempt') ?? ''
  if (!RUN.test(run) || !ATTEMPT.test(attempt)) return problem({ status: 400, title: 'Bad probe', detail: 'run and attempt must be plain ids.' })
  const noted = await getProbeStore()
    .record(run, {
      attempt,
      cookieSent: request.cookies.has(ACCESS_COOKIE),
      antiForgeryHeader: request.headers.get(ANTI_FORGERY_HEADER) === '1',
      fetchSite: request.headers.get('sec-fetch-site'),
      at: Date.now(),
    })
    .then(() => true, unavailable)
  if (!noted) return sharedStoreUnavailable()
  // Nothing to read for the other site: no CORS header, and an empty body.
  return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
}

export async function GET(request: NextRequest) {
  const run = request.nextUrl.searchParams.get('run') ?? ''
  if (!RUN.test(run)) return problem({ status: 400, title: 'Bad probe', detail: 'run must be a plain id.' })
  const records = await getProbeStore().read(run).catch(unavailable)
  if (!records) return sharedStoreUnavailable()
  return NextResponse.json({ records }, { headers: { 'Cache-Control': 'private, no-store' } })
}

// With REDIS_URL set and Redis down: 503, and the lab says it could not read its witness.
function unavailable(error: unknown): null {
  if (error instanceof RedisUnavailableError) return null
  throw error
}
