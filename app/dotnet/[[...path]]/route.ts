import { handleDotnetRequest } from '@/mocks/dotnet-api'

// The mock ASP.NET Core API, served from the MSW handlers in mocks/. Every
// request is live: the API keeps per-process state (accounts, tokens).
export const dynamic = 'force-dynamic'
// scrypt, randomBytes and createHash come from node:crypto.
export const runtime = 'nodejs'

export const GET = handleDotnetRequest
export const POST = handleDotnetRequest
export const PUT = handleDotnetRequest
export const PATCH = handleDotnetRequest
export const DELETE = handleDotnetRequest
