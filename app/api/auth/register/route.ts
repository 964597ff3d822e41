import { registerAtApi } from '@/demos/lib/session/register-at-api'
import { registerSchema } from '@/demos/lib/auth/login-schema'
import { signedInResponse } from '@/demos/lib/session/signed-in-response'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { rejectOverAuthRateLimit } from '@/demos/lib/http/auth-rate-limit'
import { clientAddress } from '@/demos/lib/http/client-address'
import { problem } from '@/demos/lib/http/problem'
import { readJsonBody } from '@/demos/lib/http/read-json-body'
import { traceRoute } from '@/site/lib/trace/trace-route'

// Creates a private throwaway account at the API and signs in with it, so every
// visitor of a public deployment can get data nobody else sees.
export const POST = traceRoute(async function POST(request: Request) {
  const limited = await rejectOverAuthRateLimit(request)
  if (limited) return limited
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged

  const body = await readJsonBody(request, registerSchema)
  if (!body.ok) return body.response

  const outcome = await registerAtApi(body.data, clientAddress(request))
  if (!outcome.ok) return problem(outcome.problem, outcome.headers)

  return signedInResponse(outcome.session, 201)
})
