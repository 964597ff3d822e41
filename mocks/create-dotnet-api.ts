import type { HttpHandler } from 'msw'
import type { ApiContext } from './api-context'
import { systemClock, type Clock } from './clock'
import { createDemoControlsStore } from './demo-controls-store'
import { createRequestHandler, type HandleOptions } from './handle-request'
import { createHandlers } from './handlers'
import { resolveMockConfig, type MockConfig } from './mock-config'
import { hashPasswordSync } from './passwords'
import { createRateLimiter } from './rate-limiter'
import { createRefreshTokenStore } from './refresh-token-store'
import { createStore, demoAccount } from './store'
import { createAccessTokens } from './access-tokens'
import { createAttachmentStore } from './attachment-store'
import { createUploadGrantStore } from './upload-grant-store'
import { uploadPath } from './upload-handlers'

export interface DotnetApi {
  /** The MSW handlers: the single definition of the API. */
  handlers: HttpHandler[]
  /** Serves one HTTP request with those handlers. Never throws. */
  handle(request: Request, options?: HandleOptions): Promise<Response>
  /** This instance's state, for tests that need to look inside. */
  context: ApiContext
  config: MockConfig
  /** Resolves once the demo account exists (handle waits for it too). */
  ready(): Promise<void>
  /** Releases what the instance holds open (its Redis connection). */
  close(): Promise<void>
}

/**
 * Builds an isolated mock: its own store, keys, limiters and clock. The site
 * uses one process-wide instance (dotnet-api.ts); tests build their own with
 * small caps and a clock they control.
 */
export function createDotnetApi({ config: overrides, clock = systemClock }: { config?: Partial<MockConfig>; clock?: Clock } = {}): DotnetApi {
  const config = resolveMockConfig(overrides)
  const limiter = (limit: number, windowSeconds = config.loginFailureWindowSeconds) =>
    createRateLimiter({ limit, windowSeconds, maxKeys: config.maxRateLimitKeys, clock })

  const refreshTokens = createRefreshTokenStore({
    familySeconds: config.refreshFamilySeconds,
    overlapSeconds: config.refreshReuseOverlapSeconds,
    maxTokens: config.maxRefreshTokens,
    revocationSeconds: config.accessTokenSeconds + config.clockSkewSeconds,
    clock,
  })
  const demoControls = createDemoControlsStore({ lifetimeSeconds: config.demoControlsSeconds, clock })
  const uploadGrants = createUploadGrantStore({ grantSeconds: config.uploadGrantSeconds, maxGrants: config.maxUploadGrants, clock })
  const attachments = createAttachmentStore({ maxTotalBytes: config.maxStoredUploadBytes })
  const store = createStore({
    maxAccounts: config.maxAccounts,
    clock,
    onEvict: async (userId) => {
      await refreshTokens.dropUser(userId)
      await demoControls.dropUser(userId)
      await uploadGrants.dropUser(userId)
      await attachments.dropUser(userId)
    },
  })

  const context: ApiContext = {
    config,
    clock,
    store,
    accessTokens: createAccessTokens(config, clock),
    refreshTokens,
    accountClientLimiter: limiter(config.loginFailuresPerAccountAndClient),
    clientLimiter: limiter(config.loginFailuresPerClient),
    registrationLimiter: limiter(config.registrationsPerClient, config.registrationWindowSeconds),
    demoControls,
    uploadGrants,
    attachments,
  }
  const handlers = createHandlers(context)
  const handleRequest = createRequestHandler({
    handlers,
    maxBodyBytes: config.maxBodyBytes,
    knownProxies: config.knownProxies,
    // The upload reads its own body, up to the size its grant declared.
    streamedPaths: [uploadPath],
  })

  // The demo account, added once per store: a second instance on the same
  // Redis finds its email taken and leaves it be. Retried on the next request
  // when it fails (Redis unreachable at startup).
  let seeded: Promise<void> | undefined
  const ready = () =>
    (seeded ??= store
      .addAccount({ name: demoAccount.name, email: demoAccount.email, password: hashPasswordSync(demoAccount.password), isDemo: true })
      .then(
        () => undefined,
        (error: unknown) => {
          seeded = undefined
          throw error
        },
      ))

  // Started now: in memory the account exists before this function returns,
  // so handlers called directly (tests, through getResponse) find it too.
  ready().catch(() => {})

  async function handle(request: Request, options?: HandleOptions): Promise<Response> {
    try {
      await ready()
    } catch {
      // handleRequest answers the same failure, from the first store call, as a 503.
    }
    return handleRequest(request, options)
  }

  return { handlers, handle, context, config, ready, close: async () => {} }
}
