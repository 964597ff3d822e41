import { loginAtApi } from '@/demos/lib/session/login-at-api'
import { loginSchema } from '@/demos/lib/auth/login-schema'
import { signedInResponse } from '@/demos/lib/session/signed-in-response'
import { rejectWithoutAntiForgery } from '@/demos/lib/http/anti-forgery'
import { rejectOverAuthRateLimit } from '@/demos/lib/http/auth-rate-limit'
import { clientAddress } from '@/demos/lib/http/client-address'
import { problem } from '@/demos/lib/http/problem'
import { readJsonBody } from '@/demos/lib/http/read-json-body'
import { traceRoute } from '@/site/lib/trace/trace-route'

export const POST = traceRoute(async function POST(request: Request) {
  const limited = await rejectOverAuthRateLimit(request)
  if (limited) return limited
  const forged = rejectWithoutAntiForgery(request)
  if (forged) return forged

  // 1. Parse and validate with the schema the form uses. Bad input is a 400, never a 500.
  const body = await readJsonBody(request, loginSchema)
  if (!body.ok) return body.response

  // 2. Exchange the credentials at the .NET API, server to server.
  const outcome = await loginAtApi(body.data, clientAddress(request))
  if (!outcome.ok) return problem(outcome.problem, outcome.headers)

  // 3. Answer with the user and set the tokens as httpOnly cookies.
  return signedInResponse(outcome.session)
})
