import { forwardToApi } from '@/demos/lib/proxy/forward-to-api'

// The browser's only way to the .NET API: the bearer token is added on the
// server from the httpOnly cookie (see forward-to-api.ts for the checks).
// Every call carries one reader's token, so nothing here is ever prerendered.
export const dynamic = 'force-dynamic'

export const GET = forwardToApi
export const POST = forwardToApi
export const PUT = forwardToApi
export const PATCH = forwardToApi
export const DELETE = forwardToApi
