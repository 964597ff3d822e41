import type { HttpHandler } from 'msw'
import type { ApiContext } from './api-context'
import { systemClock, type Clock } from './clock'
import { createRequestHandler, type HandleOptions } from './handle-request'
import { createHandlers } from './handlers'
import { resolveMockConfig, type MockConfig } from './mock-config'
import { hashPasswordSync } from './passwords'
import { createStores } from './create-stores'
import { demoAccount } from './store'
import { createAccessTokens } from './access-tokens'
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
  const stores = createStores(config, clock)
  const { store, refreshTokens, demoControls, uploadGrants, attachments, limiter } = stores
  const loginWindow = config.loginFailureWindowSeconds

  const context: ApiContext = {
    config,
    clock,
    store,
    accessTokens: createAccessTokens(config, clock, { signingKey: stores.signingKey, expiredEarly: stores.expiredEarly }),
    refreshTokens,
    accountClientLimiter: limiter('login-account-client', config.loginFailuresPerAccountAndClient, loginWindow),
    clientLimiter: limiter('login-client', config.loginFailuresPerClient, loginWindow),
    registrationLimiter: limiter('registration', config.registrationsPerClient, config.registrationWindowSeconds),
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

  return { handlers, handle, context, config, ready, close: stores.close }
}
