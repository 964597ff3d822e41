import { randomBytes } from 'node:crypto'
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
 * enough to test and a signing key the tests are given.
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
  const refreshFamilySeconds = 2
  // Shorter than the 10 s default, so the suite can wait the window out.
  const refreshReuseOverlapSeconds = 1
  const api = createDotnetApi({
    config: {
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
    },
  })
  const server = await startHttpServer((request, options) => api.handle(request, options))

  project.provide('contractBaseUrl', server.url)
  project.provide('contractSecondBaseUrl', null)
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
  return () => server.close()
}
