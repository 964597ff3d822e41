import 'server-only'
import type { NextRequest } from 'next/server'
import { bearerAuthorization } from '@/demos/lib/auth/bearer'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { dotnetApiUrl } from '@/demos/lib/http/api-config'
import { problem } from '@/demos/lib/http/problem'

/**
 * The switch the benchmark sets on the servers it starts. Anywhere else this
 * route does not exist: a route that streams any signed-in reader's bytes on
 * to the API is exactly the relay Workflow E exists to avoid.
 */
export const UPLOAD_RELAY_ENV = 'BENCH_UPLOAD_RELAY'

export const uploadRelayEnabled = () => process.env[UPLOAD_RELAY_ENV] === '1'

/** Long enough for a large file on a slow link; the proxy's own timeout is for small JSON calls. */
const RELAY_TIMEOUT_MS = 120_000

const GOAL_ID = /^[\w-]{1,64}$/
const CONTENT_LENGTH = /^\d{1,12}$/

type Grant = { uploadUrl: string; uploadToken: string }

// #region relay-upload
/**
 * What Workflow E would cost if the file went through the BFF: the measured
 * alternative, never the reference app's path (that is the direct upload).
 * The browser sends the file here with its cookie; the BFF asks for a grant
 * with the reader's access token and streams the body on to the API's upload
 * URL as it arrives, so the bytes pass through this process once and are never
 * held whole. bench/upload-path.ts times it against the direct upload.
 */
export async function relayUpload(request: NextRequest): Promise<Response> {
  // 1. A mutating BFF route: the site's own script must have sent it.
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged

  // 2. The reader's access token from the httpOnly cookie. No token, no call.
  const authorization = bearerAuthorization(request.cookies.get(ACCESS_COOKIE)?.value)
  if (!authorization) return problem({ status: 401, title: 'Not signed in', detail: 'Sign in again.' })

  // 3. What the grant must declare: the goal, the name, the size (Content-Length) and the type.
  const goalId = request.nextUrl.searchParams.get('goal') ?? ''
  const fileName = request.nextUrl.searchParams.get('name') ?? ''
  const length = request.headers.get('content-length') ?? ''
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0].trim()
  if (!GOAL_ID.test(goalId) || !fileName) {
    return problem({ status: 400, title: 'Bad upload', detail: 'Name the goal (?goal=) and the file (?name=).' })
  }
  if (!CONTENT_LENGTH.test(length) || !request.body) {
    return problem({ status: 411, title: 'Length Required', detail: 'Send the file with its Content-Length: the grant declares its size.' })
  }

  const apiUrl = dotnetApiUrl()
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(RELAY_TIMEOUT_MS)])
  try {
    // 4. The grant, server to server, exactly as the direct path's BFF route asks for it.
    const granted = await fetch(`${apiUrl}/api/goals/${goalId}/attachments/grants`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ fileName, size: Number(length), contentType }),
      signal,
    })
    if (granted.status !== 201) return passOn(granted)
    const grant = (await granted.json()) as Grant

    // 5. The body, streamed on as it arrives: half duplex, no buffering, the upload token in its own header.
    const uploaded = await fetch(new URL(grant.uploadUrl, `${apiUrl}/`), {
      method: 'PUT',
      headers: { 'content-type': contentType, 'x-upload-token': grant.uploadToken, accept: 'application/json' },
      body: request.body,
      signal,
      // Required for a stream body; missing from the DOM lib's RequestInit.
      ...({ duplex: 'half' } as object),
    })
    return passOn(uploaded)
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 })
    console.warn(`[bench upload relay] ${String(error)}`)
    return problem({ status: 502, title: 'API unreachable', detail: 'The upload could not be passed on to the API.' })
  }
}
// #endregion relay-upload

/** The API's answer as it is: its status, its problem details or its attachment. */
function passOn(upstream: Response): Response {
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' },
  })
}
