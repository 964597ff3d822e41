import type { Clock } from './clock'
import type { DemoControlsStore } from './demo-controls-store'
import type { MockConfig } from './mock-config'
import type { RateLimiter } from './rate-limiter'
import type { RefreshTokenStore } from './refresh-token-store'
import type { Store } from './store'
import type { AccessTokens } from './access-tokens'
import type { AttachmentStore } from './attachment-store'
import type { UploadGrantStore } from './upload-grant-store'

/** Everything one mock instance owns. Handlers close over it, so instances never share state. */
export interface ApiContext {
  config: MockConfig
  clock: Clock
  store: Store
  accessTokens: AccessTokens
  refreshTokens: RefreshTokenStore
  /**
   * Failed logins per normalized email (known or not, so the limit does not
   * reveal which emails exist) AND client address: a stranger's wrong
   * passwords cannot lock the owner out.
   */
  accountClientLimiter: RateLimiter
  /** Failed logins per client address (see client-address.ts). */
  clientLimiter: RateLimiter
  /** Registrations per client network (an IPv4 address or an IPv6 /64), counted whatever the answer. */
  registrationLimiter: RateLimiter
  /** Latency and failures a reader injects into their own account's requests. */
  demoControls: DemoControlsStore
  /** Upload grants, by the hash of their token (Workflow E). */
  uploadGrants: UploadGrantStore
  attachments: AttachmentStore
}
