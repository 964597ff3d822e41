import { socketAddress } from '@/demos/lib/http/client-address'
import { traceApi } from '@/site/lib/trace/trace-api'
import { dotnetBasePath, handleDotnetRequest } from '@/mocks/dotnet-api'

// The mock ASP.NET Core API, served from the MSW handlers in mocks/. Every
// request is live: the API keeps per-process state (accounts, tokens).
export const dynamic = 'force-dynamic'
// scrypt, randomBytes and createHash come from node:crypto.
export const runtime = 'nodejs'

// The wire inspector records the API's side of a traced visitor's hops.
// The mock believes X-Forwarded-For only from a known proxy (the BFF), so it
// needs the TCP peer, which only the site's server can see.
const handle = traceApi((request: Request) => handleDotnetRequest(request, socketAddress(request.headers)), dotnetBasePath)

export const GET = handle
export const POST = handle
export const PUT = handle
export const PATCH = handle
export const DELETE = handle
// The upload's CORS preflight (Workflow E) must reach the mock's policy; without
// this export Next would answer every OPTIONS itself, allowing nothing.
export const OPTIONS = handle
