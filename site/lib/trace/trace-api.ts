import 'server-only'
import { createHash } from 'node:crypto'
import { exchangeOf, now, pathOf, recordHop } from './record-hop'
import { getTraceStore, type PendingFlow } from './trace-store'

const GRANT_PATH = /^\/api\/goals\/[^/?]+\/attachments\/grants$/
const UPLOAD_TOKEN_HEADER = 'x-upload-token'

/**
 * Wraps the mock API's route: a request whose `x-request-id` the BFF
 * registered for a traced visitor is recorded as the API saw it. Any other
 * request (a test, curl, another visitor's untraced call) costs one lookup.
 * A real API at DOTNET_API_URL is not wrapped; the BFF's side of the hop still is.
 */
export function traceApi(handler: (request: Request) => Promise<Response>, basePath: string) {
  return async function tracedApi(request: Request): Promise<Response> {
    const path = pathOf(request.url).slice(basePath.length)
    const uploadToken = request.headers.get(UPLOAD_TOKEN_HEADER)
    if (uploadToken && request.method === 'PUT') return traceUpload(handler, request, path, uploadToken)

    const requestId = request.headers.get('x-request-id')
    const flow = requestId ? await getTraceStore().pendingFlow(requestId).catch(() => undefined) : undefined
    if (!flow) return handler(request)

    const start = now()
    const response = await handler(request)
    if (request.method === 'POST' && response.status === 201 && GRANT_PATH.test(path)) await expectUpload(response, flow)
    await recordHop(flow.session, {
      flowId: flow.flowId,
      requestId: requestId ?? undefined,
      source: 'api',
      from: 'api',
      to: 'api',
      ...exchangeOf(request, response, start, path),
    })
    return response
  }
}

/**
 * Workflow E: the browser sends the file straight here, with no request id and
 * (from another origin) no cookie. The grant's token says whose it is; the hop
 * is recorded as browser → API, the token redacted like every other secret.
 */
async function traceUpload(handler: (request: Request) => Promise<Response>, request: Request, path: string, token: string) {
  const flow = await getTraceStore().takeUpload(hashOf(token)).catch(() => undefined)
  if (!flow) return handler(request)
  const start = now()
  const response = await handler(request)
  await recordHop(flow.session, { flowId: crypto.randomUUID(), source: 'api', from: 'browser', to: 'api', ...exchangeOf(request, response, start, path) })
  return response
}

/** Remembers a traced visitor's grant by its token's hash, before the browser can present the token. */
async function expectUpload(response: Response, flow: PendingFlow) {
  const grant = (await response.clone().json().catch(() => null)) as { uploadToken?: unknown } | null
  if (typeof grant?.uploadToken === 'string') await getTraceStore().expectUpload(hashOf(grant.uploadToken), flow).catch(() => {})
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')
