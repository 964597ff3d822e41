import { forwardToApi } from '@/demos/lib/proxy/forward-to-api'
import { traceRoute } from '@/site/lib/trace/trace-route'

// The browser's only way to the .NET API: the bearer token is added on the
// server from the httpOnly cookie (see forward-to-api.ts for the checks).
// Every call carries one reader's token, so nothing here is ever prerendered.
export const dynamic = 'force-dynamic'

// The wire inspector records the hop for a visitor who has it open (a proxy hop, its bodies
// streamed, never copied); for anyone else it costs a cookie lookup.
const forward = traceRoute(forwardToApi, { source: 'proxy-route', bodies: false })

export const GET = forward
export const POST = forward
export const PUT = forward
export const PATCH = forward
export const DELETE = forward
