/**
 * What a reader copies into their own project, step by step, and what they
 * leave behind. The "Adopt it in your project" page renders these lists; a unit
 * test (tests/unit/docs/adopt-files.test.ts) checks that every file exists and
 * that everything a listed file imports is listed too, or named below as not
 * to be copied, with the reason.
 */
export type AdoptFile = {
  /** The path in this repository. */
  path: string
  /** What to change after copying, when the file holds this site's own names or wiring. */
  change?: string
}

export type AdoptStep = { id: string; files: AdoptFile[] }

const UNWRAP = 'Export the handler itself: `traceRoute` is this site’s wire inspector.'

export const ADOPT_STEPS: AdoptStep[] = [
  {
    id: 'api-client',
    files: [
      { path: 'demos/lib/api/dotnet-api.d.ts', change: 'Generated: produce yours from your API’s OpenAPI document with `openapi-typescript`.' },
      { path: 'demos/lib/http/api-config.ts' },
      { path: 'demos/lib/api/server-client.ts' },
      { path: 'demos/lib/api/api-error.ts' },
      { path: 'demos/lib/proxy/api-transport.ts' },
      { path: 'demos/lib/proxy/request-upstream.ts' },
      { path: 'demos/lib/auth/bearer.ts' },
    ],
  },
  {
    id: 'session',
    files: [
      { path: 'app/api/auth/login/route.ts', change: UNWRAP },
      { path: 'app/api/auth/refresh/route.ts', change: UNWRAP },
      { path: 'app/api/auth/logout/route.ts', change: UNWRAP },
      { path: 'demos/lib/auth/login-schema.ts', change: '`registerSchema` serves the demo’s throwaway accounts; keep `loginSchema`.' },
      { path: 'demos/lib/auth/cookie-options.ts' },
      { path: 'demos/lib/auth/auth-cookies.ts' },
      { path: 'demos/lib/session/login-at-api.ts' },
      { path: 'demos/lib/session/refresh-at-api.ts' },
      { path: 'demos/lib/session/refresh-once.ts' },
      { path: 'demos/lib/session/redis-refresh-flight.ts' },
      { path: 'demos/lib/session/seal-refresh-result.ts' },
      { path: 'demos/lib/session/revoke-at-api.ts' },
      { path: 'demos/lib/session/signed-in-response.ts' },
      { path: 'demos/lib/http/problem.ts' },
      { path: 'demos/lib/http/read-json-body.ts' },
      { path: 'demos/lib/http/anti-forgery.ts' },
      { path: 'demos/lib/http/anti-forgery-header.ts' },
      { path: 'demos/lib/http/auth-rate-limit.ts' },
      { path: 'demos/lib/http/rate-limit.ts' },
      { path: 'demos/lib/http/redis-rate-limit.ts' },
      { path: 'demos/lib/http/shared-store-unavailable.ts' },
      { path: 'demos/lib/redis/get-bff-redis.ts' },
      { path: 'demos/lib/redis/connect-redis.ts' },
      { path: 'demos/lib/redis/redis-unavailable.ts' },
      { path: 'demos/lib/http/client-address.ts' },
      { path: 'server.mjs', change: 'Start the site with it (`node server.mjs`): it tells `client-address.ts` the TCP peer.' },
    ],
  },
  {
    id: 'pages',
    files: [
      { path: 'demos/lib/dal.ts' },
      { path: 'demos/lib/auth/return-path.ts' },
      { path: 'demos/lib/auth/safe-callback-url.ts', change: '`DEFAULT_AFTER_LOGIN` and the sign-in path `/demo/login` are this site’s: use yours.' },
      { path: 'demos/proxy.ts', change: 'Put it at your project root. `PROTECTED` and `config.matcher` name this site’s demo pages: name yours.' },
      { path: 'demos/lib/auth/access-token-expiry.ts' },
      { path: 'demos/instrumentation-client.ts', change: 'As `instrumentation-client.ts` at your project root, with `experimental.optimizePackageImports: [\'zod\']` in `next.config`, or most of zod loads on every page.' },
    ],
  },
  {
    id: 'browser',
    files: [
      { path: 'app/api/proxy/[...path]/route.ts', change: 'Export `forwardToApi` as each verb: `traceRoute` is this site’s wire inspector.' },
      { path: 'demos/lib/proxy/forward-to-api.ts' },
      { path: 'demos/lib/proxy/proxy-allowlist.ts', change: 'List your API’s routes and methods, and nothing else.' },
      { path: 'demos/lib/proxy/read-proxy-path.ts' },
      { path: 'demos/lib/proxy/proxy-paths.ts' },
      { path: 'demos/lib/proxy/api-request-headers.ts' },
      { path: 'demos/lib/proxy/proxy-response-headers.ts' },
      { path: 'demos/lib/proxy/limit-body-stream.ts' },
      { path: 'demos/lib/proxy/request-id.ts' },
      { path: 'demos/lib/api/browser-client.ts' },
      { path: 'demos/lib/api/refresh-middleware.ts' },
      { path: 'demos/lib/api/session-refresher.ts' },
      { path: 'demos/lib/query/get-query-client.ts' },
      { path: 'demos/lib/query/should-retry.ts' },
      { path: 'demos/lib/query/sign-out-broadcast.ts' },
      { path: 'demos/lib/query/use-sign-out-elsewhere.ts' },
      { path: 'demos/components/query-provider.tsx' },
    ],
  },
  {
    id: 'ui',
    files: [
      { path: 'app/demo/login/page.tsx', change: 'At your sign-in path, rendering `LoginForm` instead of the demo’s `LoginPanel`.' },
      { path: 'demos/components/login-form.tsx', change: 'Remove the demo account’s button and the private-account button.' },
      { path: 'demos/lib/http/read-problem.ts' },
      { path: 'demos/components/user-badge.tsx' },
      { path: 'demos/components/logout-button.tsx' },
      { path: 'app/demo/account/page.tsx' },
      { path: 'demos/components/account-card.tsx' },
      { path: 'app/demo/error.tsx' },
      { path: 'demos/components/server-error-panel.tsx' },
    ],
  },
  {
    id: 'resource',
    files: [
      { path: 'demos/lib/goals/goal-schemas.ts' },
      { path: 'demos/lib/goals/fetch-goal-page.ts' },
      { path: 'demos/lib/goals/goals-query.ts' },
      { path: 'demos/lib/goals/goals-api.ts' },
      { path: 'demos/lib/goals/use-goal-mutations.ts' },
      { path: 'demos/lib/goals/use-goal-list-params.ts' },
      { path: 'demos/lib/goals/create-goal-action.ts' },
      { path: 'app/demo/goals/page.tsx' },
      { path: 'app/demo/goals/loading.tsx' },
      { path: 'app/demo/goals/error.tsx' },
      { path: 'demos/components/goals/goals-board.tsx' },
      { path: 'demos/components/goals/goal-list.tsx' },
      { path: 'demos/components/load-error.tsx' },
      { path: 'demos/components/goals/goal-item.tsx' },
      { path: 'demos/components/goals/create-goal-form.tsx' },
      { path: 'demos/components/goals/server-action-goal-form.tsx' },
      { path: 'demos/lib/use-hydrated.ts' },
      { path: 'demos/lib/attachments/attachment-schemas.ts' },
      { path: 'demos/lib/attachments/attachments-api.ts' },
      { path: 'demos/lib/attachments/attachments-query.ts' },
      { path: 'demos/lib/attachments/upload-file.ts' },
      { path: 'demos/lib/attachments/upload-error-message.ts' },
      { path: 'demos/lib/attachments/use-attachment-upload.ts' },
      { path: 'demos/components/goals/goal-attachments.tsx' },
      { path: 'demos/components/goals/attachment-upload.tsx' },
    ],
  },
  {
    id: 'hardening',
    files: [
      {
        path: 'demos/lib/http/content-security-policy.ts',
        change: 'Call `applyDemoPagePolicy` in your `proxy.ts` and set the header on its answer, as this site’s root `proxy.ts` does. Its two hashes are this site’s docs theme’s scripts.',
      },
    ],
  },
]

/** Not to copy: a file, or a folder when the path ends with `/`. */
export type NotToCopy = { path: string; reason: string }

const SESSION_DEMO = 'The session demo: token fingerprints, claims and the family’s age, read from endpoints only the demo API has.'
const THROWAWAY = 'Throwaway accounts for visitors of this public site. Sign-up in your app follows your API’s own rules.'

export const NOT_TO_COPY: NotToCopy[] = [
  { path: 'site/', reason: 'This site’s instruments: the wire inspector (`traceRoute`, `traceProxy`, `<WireInspector>`), the attack lab, the demo controls and the proxy-check switch. They wrap the reference app from outside.' },
  { path: 'mocks/', reason: 'The mock of the .NET API. Your API takes its place; the contract suite checks it keeps the same contract.' },
  { path: 'demos/experiments/', reason: 'The small programs in each workflow page’s editor.' },
  { path: 'proxy.ts', reason: 'This site’s composition root: `demos/proxy.ts` inside the CSP nonce, the proxy-check switch and the inspector. Copy `demos/proxy.ts`.' },
  { path: 'instrumentation.ts', reason: 'Installs the wire inspector’s recorder around the API transport.' },
  { path: 'app/demo/layout.tsx', reason: 'Adds the wire inspector and the docs theme’s skip link. Your layout wraps the signed-in pages in `<QueryProvider>`, with `<UserBadge>` in the header, as this one does, and gives it the time of its render (`renderedAt`), which tells a tab whether a sign-out elsewhere came after its page.' },
  { path: 'app/demo/goals/layout.tsx', reason: 'Puts the site’s failure controls beside the demo. Place `<ServerActionGoalForm>` where your page needs it.' },
  { path: 'demos/components/demo.css', reason: 'This site’s styles for its demos.' },
  { path: 'demos/lib/auth/demo-account.ts', reason: 'The shared demo account’s email and password, offered on the sign-in form.' },
  { path: 'demos/components/login-panel.tsx', reason: 'The sign-in form with the demo account beside it. Render `LoginForm` on its own.' },
  { path: 'demos/components/private-account-button.tsx', reason: THROWAWAY },
  { path: 'app/api/auth/register/route.ts', reason: THROWAWAY },
  { path: 'demos/lib/session/register-at-api.ts', reason: THROWAWAY },
  { path: 'app/demo/session/page.tsx', reason: SESSION_DEMO },
  { path: 'demos/lib/session/get-session-details.ts', reason: SESSION_DEMO },
  { path: 'demos/components/session-view.tsx', reason: SESSION_DEMO },
  { path: 'demos/components/access-token-countdown.tsx', reason: SESSION_DEMO },
]

/** Why `path` is not to be copied, or undefined when nothing says so. */
export function notToCopyReason(path: string): string | undefined {
  return NOT_TO_COPY.find((entry) => (entry.path.endsWith('/') ? path.startsWith(entry.path) : path === entry.path))?.reason
}

/** The path a reader uses in their own project: `demos/` is this repository's folder for it. */
export function readerPath(path: string): string {
  return path.replace(/^demos\//, '')
}

export function adoptStep(id: string): AdoptStep {
  const step = ADOPT_STEPS.find((candidate) => candidate.id === id)
  if (!step) throw new Error(`<AdoptFiles step="${id}">: no such step in site/lib/adopt/adopt-files.ts`)
  return step
}
