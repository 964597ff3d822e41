import { randomBytes } from 'node:crypto'
import { createClient } from 'redis'
import type { TestProject } from 'vitest/node'
import { createDotnetApi } from '../../mocks/create-dotnet-api'
import { startHttpServer } from '../../mocks/http-server'

declare module 'vitest' {
  export interface ProvidedContext {
    contractBaseUrl: string
    /** A second instance of the same API on the same store (scripts/dotnet/test-dotnet.mjs: both on one PostgreSQL). Null when there is none. */
    contractSecondBaseUrl: string | null
    /** Lets tests forge tokens (expired, wrong audience). Null when the API's key is not known. */
    contractJwtSigningKey: string | null
    /** Lets tests wait out a refresh-token family. Null when the lifetime is not known or too long. */
    contractRefreshFamilySeconds: number | null
    /** The refresh-token overlap window (0 = none). Null when not known. */
    contractRefreshOverlapSeconds: number | null
    /** The documented request body cap. */
    contractMaxBodyBytes: number
    /** Whether the API has the demo-only /api/demo/* endpoints (the mock does; a real API would not). */
    contractDemoControls: boolean
    /** The documented per-file upload maximum. */
    contractMaxUploadBytes: number
    /** Lets tests wait out an upload grant. Null when the lifetime is not known or too long. */
    contractUploadGrantSeconds: number | null
    /** The per-account attachment quota, when known and small enough to fill. */
    contractUploadQuotaBytes: number | null
    /** The one origin the upload endpoint's CORS policy allows. Null when not known. */
    contractAllowedOrigin: string | null
    /** Registrations one client address may make per window: the documented default unless told. */
    contractRegistrationsPerClient: number
  }
}

const documentedMaxBodyBytes = 16 * 1024
const documentedMaxUploadBytes = 25 * 1024 * 1024
const documentedRegistrationsPerClient = 10
/** The settings scripts/dotnet/test-dotnet.mjs gives the C# API too: short enough to wait out, small enough to fill. */
const uploadGrantSeconds = 3
const uploadQuotaBytes = 100_000
const allowedOrigin = 'http://site.contract.test'

/**
 * With CONTRACT_BASE_URL set (scripts/test-contract.mjs --base-url), the suite
 * runs against that API and learns its secrets only from env. Without it, the
 * built-in mock starts in-process on a free loopback port, with lifetimes short
 * enough to test and a signing key the tests are given; with
 * CONTRACT_MOCK_REDIS_URL too, two instances of it on that Redis, the second
 * for the two-instance tests.
 */
export default async function setup(project: TestProject) {
  const env = process.env
  const maxBodyBytes = Number(env.CONTRACT_MAX_BODY_BYTES ?? documentedMaxBodyBytes)
  const optionalNumber = (value: string | undefined) => (value ? Number(value) : null)
  const registrationsPerClient = Number(env.CONTRACT_REGISTRATIONS_PER_CLIENT ?? documentedRegistrationsPerClient)

  if (env.CONTRACT_BASE_URL) {
    project.provide('contractBaseUrl', env.CONTRACT_BASE_URL)
    project.provide('contractSecondBaseUrl', env.CONTRACT_SECOND_BASE_URL || null)
    project.provide('contractJwtSigningKey', env.CONTRACT_JWT_SIGNING_KEY || null)
    project.provide('contractRefreshFamilySeconds', env.CONTRACT_REFRESH_FAMILY_SECONDS ? Number(env.CONTRACT_REFRESH_FAMILY_SECONDS) : null)
    project.provide('contractRefreshOverlapSeconds', env.CONTRACT_REFRESH_OVERLAP_SECONDS ? Number(env.CONTRACT_REFRESH_OVERLAP_SECONDS) : null)
    project.provide('contractMaxBodyBytes', maxBodyBytes)
    project.provide('contractDemoControls', env.CONTRACT_DEMO_CONTROLS === '1')
    project.provide('contractMaxUploadBytes', Number(env.CONTRACT_MAX_UPLOAD_BYTES ?? documentedMaxUploadBytes))
    project.provide('contractUploadGrantSeconds', optionalNumber(env.CONTRACT_UPLOAD_GRANT_SECONDS))
    project.provide('contractUploadQuotaBytes', optionalNumber(env.CONTRACT_UPLOAD_QUOTA_BYTES))
    project.provide('contractAllowedOrigin', env.CONTRACT_ALLOWED_ORIGIN || null)
    project.provide('contractRegistrationsPerClient', registrationsPerClient)
    return
  }

  const jwtSigningKey = randomBytes(32).toString('base64url')
  // With a Redis pair (CONTRACT_MOCK_REDIS_URL), two instances share one store,
  // and the two-instance tests need an overlap window that outlasts twenty
  // requests on a busy machine, inside a family that outlasts the window (the
  // settings of the C# pair in scripts/dotnet/test-dotnet.mjs). Otherwise
  // shorter than the 10 s default, so the suite can wait them out quickly.
  const redisUrl = env.CONTRACT_MOCK_REDIS_URL || undefined
  const refreshFamilySeconds = redisUrl ? 10 : 2
  const refreshReuseOverlapSeconds = redisUrl ? 5 : 1
  const redisKeyPrefix = `contract:${randomBytes(6).toString('hex')}:`
  const config = {
    jwtSigningKey,
    refreshFamilySeconds,
    refreshReuseOverlapSeconds,
    maxBodyBytes,
    // Every test signs in from its own X-Forwarded-For address, but keep the
    // per-client limit low enough that its own test stays quick.
    loginFailuresPerClient: 20,
    uploadGrantSeconds,
    uploadQuotaBytes,
    allowedOrigin,
    registrationsPerClient,
    ...(redisUrl ? { redisUrl, redisKeyPrefix } : {}),
  }
  // The same config and signing key on both, as two processes behind a load balancer.
  const apis = Array.from({ length: redisUrl ? 2 : 1 }, () => createDotnetApi({ config }))
  const servers = await Promise.all(apis.map((api) => startHttpServer((request, options) => api.handle(request, options))))

  project.provide('contractBaseUrl', servers[0].url)
  project.provide('contractSecondBaseUrl', servers[1]?.url ?? null)
  project.provide('contractJwtSigningKey', jwtSigningKey)
  project.provide('contractRefreshFamilySeconds', refreshFamilySeconds)
  project.provide('contractRefreshOverlapSeconds', refreshReuseOverlapSeconds)
  project.provide('contractMaxBodyBytes', maxBodyBytes)
  project.provide('contractDemoControls', true)
  project.provide('contractMaxUploadBytes', documentedMaxUploadBytes)
  project.provide('contractUploadGrantSeconds', uploadGrantSeconds)
  project.provide('contractUploadQuotaBytes', uploadQuotaBytes)
  project.provide('contractAllowedOrigin', allowedOrigin)
  project.provide('contractRegistrationsPerClient', registrationsPerClient)
  return async () => {
    await Promise.all(servers.map((server) => server.close()))
    await Promise.all(apis.map((api) => api.close()))
    if (redisUrl) await deleteKeys(redisUrl, redisKeyPrefix)
  }
}

/** Leaves the Redis server as it found it: every key of this run goes. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = await createClient({ url }).connect()
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await client.del(keys)
  await client.close()
}
