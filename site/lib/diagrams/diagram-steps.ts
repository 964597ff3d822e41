/**
 * Where each name in the docs' mermaid diagrams lives in the code: the file,
 * and text that file must contain. tests/unit/docs/mermaid-diagrams.test.ts
 * reads every ```mermaid block under content/ and fails when a diagram names a
 * participant or a step this list does not have, when the list keeps one the
 * diagram dropped, or when the file or its text is gone. So a diagram can only
 * name steps that exist, and a change to either side shows up in review.
 */
export type Where = [file: string, ...contains: string[]]
export type DiagramSteps = { page: string; index: number; participants: Record<string, Where>; steps: Record<string, Where> }

const API_AUTH = 'dotnet/Api/Auth/AuthEndpoints.cs'
const API_GOALS = 'dotnet/Api/Goals/GoalEndpoints.cs'
const DAL = 'demos/lib/dal.ts'
const PROXY_TS = 'demos/proxy.ts'
const PROXY_ROUTE = 'app/api/proxy/[...path]/route.ts'
const REFRESH_ROUTE = 'app/api/auth/refresh/route.ts'
const REFRESHER = 'demos/lib/api/session-refresher.ts'
const MIDDLEWARE = 'demos/lib/api/refresh-middleware.ts'
const MUTATIONS = 'demos/lib/goals/use-goal-mutations.ts'
const ATTACHMENTS = 'dotnet/Api/Attachments/AttachmentEndpoints.cs'
const GRANTS = 'dotnet/Api/Attachments/UploadGrantStore.cs'
const UPLOADS = 'dotnet/Api/Attachments/UploadEndpoints.cs'

export const DIAGRAM_STEPS: DiagramSteps[] = [
  {
    page: 'content/index.mdx',
    index: 0,
    participants: {
      Browser: ['demos/lib/api/browser-client.ts'],
      'Rendered page (HTML + RSC payload)': ['app/demo/goals/page.tsx', 'HydrationBoundary'],
      'Client Components (TanStack Query)': ['demos/components/goals/goal-list.tsx', "'use client'", 'useQuery'],
      'Next.js 16 (BFF)': ['package.json', '"next": "16.'],
      'proxy.ts reads exp, refreshes early': [PROXY_TS, 'needsRefresh', 'refreshAtApi'],
      'Server Components + Data Access Layer': [DAL, 'verifySession'],
      'Route handlers /api/auth/*': ['app/api/auth/login/route.ts', 'export const POST'],
      'Proxy route /api/proxy/*': [PROXY_ROUTE],
      '.NET API JWT bearer, ProblemDetails': ['dotnet/Api/Program.cs', 'ProblemDetails'],
    },
    steps: {
      'navigation (cookies)': [PROXY_TS, 'request.cookies.get(ACCESS_COOKIE)'],
      'fetch, same origin (cookies)': ['demos/lib/api/browser-client.ts', '/api/proxy'],
      'login / logout': ['app/api/auth/logout/route.ts', 'export const POST'],
      'Authorization: Bearer': ['demos/lib/auth/bearer.ts', 'Bearer'],
      'credentials, refresh token': ['demos/lib/session/refresh-at-api.ts', "'/api/auth/refresh'", 'refreshToken'],
    },
  },
  {
    page: 'content/refresh-token-rotation.mdx',
    index: 0,
    participants: {
      'sign-in': ['mocks/auth-handlers.ts', '/api/auth/login'],
      r0: ['mocks/refresh-token-store.ts', 'family'],
      r1: ['mocks/refresh-token-store.ts', 'rotate'],
      'r2, current': ['mocks/refresh-token-store.ts', 'rotate'],
      'reuse: revoke the family': ['mocks/refresh-token-store.ts', 'revoke'],
    },
    steps: {
      refresh: ['mocks/auth-handlers.ts', '/api/auth/refresh'],
      'presented again': ['mocks/refresh-token-store.ts', 'reuse'],
      'presented again after the window': ['mocks/refresh-token-store.ts', 'overlap'],
      'presented again within the window': ['mocks/refresh-token-store.ts', 'overlap'],
    },
  },
  {
    page: 'content/token-refresh.mdx',
    index: 0,
    participants: {
      Browser: [PROXY_TS],
      'proxy.ts': [PROXY_TS, 'export async function proxy'],
      'Server Component': ['app/demo/goals/page.tsx', 'verifySession'],
      '.NET API': [API_AUTH],
    },
    steps: {
      'GET /demo/goals (access cookie expired, refresh cookie)': [PROXY_TS, 'needsRefresh', 'REFRESH_COOKIE'],
      'POST /api/auth/refresh {refreshToken}, X-Forwarded-For': ['demos/lib/session/refresh-at-api.ts', "POST('/api/auth/refresh'", 'X-Forwarded-For'],
      '200 {accessToken, refreshToken, …}': [API_AUTH, 'refresh'],
      "rewrite the request's Cookie header": [PROXY_TS, 'request.cookies.set(ACCESS_COOKIE'],
      'render, with the NEW access token': [PROXY_TS, 'renderWithReturnPath(request)'],
      'GET /api/users/me, Authorization: Bearer (new)': [DAL, '/api/users/me'],
      '200': ['dotnet/Api/Users/UserEndpoints.cs', 'MapGet("/me"'],
      'the page + Set-Cookie (both new tokens)': [PROXY_TS, 'setAuthCookies(response, outcome.tokens)'],
    },
  },
  {
    page: 'content/token-refresh.mdx',
    index: 1,
    participants: {
      'Client Components (20 queries)': ['site/lib/token-controls/refresh-burst.ts', 'REFRESH_BURST = 20'],
      'Typed client middleware': [MIDDLEWARE, 'Middleware'],
      'BFF /api/auth/refresh': [REFRESH_ROUTE, 'export const POST'],
      'Proxy /api/proxy/*': [PROXY_ROUTE],
    },
    steps: {
      '20 × GET /api/proxy/goals': ['demos/lib/goals/goals-api.ts', "'/api/goals'"],
      // The API's JwtBearer writes the header; the mock copies it.
      '20 × 401 invalid_token': ['mocks/problem-details.ts', 'error="invalid_token"'],
      'ONE POST /api/auth/refresh, X-CSRF: 1 (refresh cookie)': [REFRESHER, '/api/auth/refresh'],
      '204 + Set-Cookie (both new)': [REFRESH_ROUTE, 'status: 204', 'setAuthCookies'],
      '20 × the same request again, once each': [MIDDLEWARE, 'response.status !== 401'],
      '20 × 200': [API_GOALS, 'TypedResults.Ok'],
    },
  },
  {
    page: 'content/token-refresh.mdx',
    index: 2,
    participants: {
      'Tab A': [REFRESHER, 'locks'],
      'Web Lock "bff-refresh"': [REFRESHER, "REFRESH_LOCK = 'bff-refresh'"],
      'Tab B': [REFRESHER, 'locks'],
      'BFF /api/auth/refresh': [REFRESH_ROUTE, 'export const POST'],
    },
    steps: {
      'request (free): A holds it': [REFRESHER, 'locks.request'],
      'request (held): B waits': [REFRESHER, 'locks.request'],
      'POST (refresh cookie r1)': [REFRESH_ROUTE, 'REFRESH_COOKIE'],
      '204 + Set-Cookie (r2, shared by both tabs)': [REFRESH_ROUTE, 'status: 204'],
      'BroadcastChannel "refreshed"': [REFRESHER, "postMessage('refreshed'"],
      release: [REFRESHER, 'locks.request'],
      granted: [REFRESHER, 'locks.request'],
      'a refresh happened since my request left: retry, no refresh': [REFRESHER, 'generation !== sentWith'],
    },
  },
  {
    page: 'content/type-safety.mdx',
    index: 0,
    participants: {
      // MapOpenApi() serves /openapi/{documentName}.json, and the document is named v1.
      'OpenAPI document /openapi/v1.json': ['dotnet/Api/Http/OpenApiSetup.cs', 'app.MapOpenApi()'],
      'dotnet-api.d.ts (committed)': ['demos/lib/api/dotnet-api.d.ts'],
      'server client openapi-fetch + bearer middleware': ['demos/lib/api/server-client.ts', 'openapi-fetch', 'bearer'],
      'browser client openapi-fetch via /api/proxy': ['demos/lib/api/browser-client.ts', 'openapi-fetch', '/api/proxy'],
      'zod schemas (runtime checks)': ['demos/lib/goals/goal-schemas.ts', 'satisfies'],
      'queryOptions (server prefetch)': ['app/demo/goals/page.tsx', 'fetchQuery'],
      'queryOptions (client useQuery)': ['demos/lib/goals/goals-query.ts', 'queryOptions'],
      components: ['demos/components/goals/goal-list.tsx', 'useQuery'],
    },
    steps: {
      'openapi-typescript': ['mocks/render-api-types.ts', "from 'openapi-typescript'"],
      satisfies: ['demos/lib/goals/goal-schemas.ts', 'satisfies'],
    },
  },
  {
    page: 'content/workflows/login.mdx',
    index: 0,
    participants: {
      Browser: ['demos/components/login-form.tsx', "'use client'"],
      'Next.js BFF': ['app/api/auth/login/route.ts', 'export const POST'],
      '.NET API': [API_AUTH, 'MapPost("/login"'],
    },
    steps: {
      'POST /api/auth/login {email, password}, X-CSRF: 1': ['demos/components/login-form.tsx', '/api/auth/login'],
      'validate with the shared zod schema': ['app/api/auth/login/route.ts', 'loginSchema'],
      'POST /api/auth/login (server to server)': ['demos/lib/session/login-at-api.ts', "POST('/api/auth/login'"],
      '200 {accessToken, refreshToken, expiresIn, user}': ['demos/lib/api/dotnet-api.d.ts', 'accessToken', 'refreshToken', 'expiresIn'],
      '200 {user} + Set-Cookie (HttpOnly, SameSite=Lax, Path=/)': ['demos/lib/auth/cookie-options.ts', 'httpOnly', "sameSite: 'lax'", "path: '/'"],
      'GET callbackUrl (a full page load)': ['demos/components/login-form.tsx', 'window.location'],
      'GET /api/users/me, Authorization: Bearer …': [DAL, '/api/users/me'],
      '200 {id, name, email, role}': ['demos/lib/api/dotnet-api.d.ts', 'role'],
      'the page, rendered with the user': ['app/demo/account/page.tsx', 'verifySession'],
    },
  },
  {
    page: 'content/workflows/mutations.mdx',
    index: 0,
    participants: {
      Reader: ['demos/components/goals/goal-item.tsx'],
      'Client Component (TanStack Query)': [MUTATIONS, 'useMutation'],
      'Proxy /api/proxy/*': [PROXY_ROUTE],
      '.NET API': [API_GOALS],
    },
    steps: {
      'edit a goal': ['demos/components/goals/goal-item.tsx', 'update'],
      'onMutate: cancel list fetches, snapshot, apply the edit': [MUTATIONS, 'onMutate', 'cancelQueries'],
      'PATCH /api/proxy/goals/{id}, X-CSRF: 1': ['demos/lib/goals/goals-api.ts', 'PATCH'],
      'PATCH /api/goals/{id}, Authorization: Bearer …': [API_GOALS, 'MapPatch'],
      'the API accepts': [API_GOALS, 'TypedResults.Ok'],
      '200 Goal': [API_GOALS, 'TypedResults.Ok'],
      'the API refuses': ['mocks/demo-controls-store.ts', 'problem(500'],
      '500 ProblemDetails': ['mocks/demo-controls-store.ts', 'problem(500'],
      'onError: restore the snapshot, show what failed': [MUTATIONS, 'onError'],
      'onSettled: invalidate, refetch the list': [MUTATIONS, 'onSettled', 'invalidateQueries'],
    },
  },
  {
    page: 'content/workflows/pagination.mdx',
    index: 0,
    participants: {
      Reader: ['demos/components/goals/goal-list.tsx'],
      'GoalList (useQuery)': ['demos/components/goals/goal-list.tsx', 'export function GoalList', 'useQuery'],
      'Proxy /api/proxy/[...path]': [PROXY_ROUTE],
      '.NET API': [API_GOALS],
    },
    steps: {
      'Next page (or a filter)': ['demos/components/goals/goal-list.tsx', 'Next'],
      'pushState(?page=2): the URL keeps the view': ['demos/lib/goals/use-goal-list-params.ts', 'pushState'],
      'page 2 is in the cache (prefetched): render it at once': ['demos/components/goals/goal-list.tsx', 'prefetchQuery'],
      'prefetch page 3: GET /api/proxy/goals?page=3 (cookies)': ['demos/components/goals/goal-list.tsx', 'prefetchQuery'],
      'allowlist, traversal checks, token from the cookie': ['demos/lib/proxy/forward-to-api.ts', 'ACCESS_COOKIE'],
      'GET /api/goals?page=3, Authorization: Bearer …': [API_GOALS, 'MapGet'],
      '200 GoalPage': [API_GOALS, 'GoalPage'],
      '200 GoalPage (Cache-Control: private, no-store)': ['demos/lib/proxy/forward-to-api.ts', "'private, no-store'"],
    },
  },
  {
    page: 'content/workflows/server-fetch.mdx',
    index: 0,
    participants: {
      Browser: [PROXY_TS],
      'proxy.ts': [PROXY_TS, 'export async function proxy'],
      'Server Component (page.tsx)': ['app/demo/goals/page.tsx', 'export default async function'],
      '.NET API': [API_GOALS],
    },
    steps: {
      'GET /demo/goals (cookies)': [PROXY_TS, "'/demo/:path*'"],
      'access token present and not expiring? else refresh, or redirect to sign-in': [PROXY_TS, 'needsRefresh', 'refreshAtApi', 'signIn(request)'],
      render: [PROXY_TS, 'renderWithReturnPath(request)'],
      'GET /api/users/me, Authorization: Bearer … (DAL)': [DAL, '/api/users/me'],
      '200 user': ['dotnet/Api/Users/UserEndpoints.cs', 'MapGet("/me"'],
      'this page and the next': ['app/demo/goals/page.tsx', 'Promise.all'],
      'GET /api/goals?page=1&pageSize=10': ['demos/lib/goals/goals-api.ts', "'/api/goals'"],
      'GET /api/goals?page=2&pageSize=10': ['app/demo/goals/page.tsx', 'page + 1'],
      '200 GoalPage (×2)': [API_GOALS, 'GoalPage'],
      'HTML with the list + dehydrated cache': ['app/demo/goals/page.tsx', 'dehydrate(', 'HydrationBoundary'],
      'hydrate: useQuery finds fresh data, fetches nothing': ['demos/lib/query/get-query-client.ts', 'staleTime'],
    },
  },
  {
    page: 'content/workflows/large-files.mdx',
    index: 0,
    participants: {
      'Client Component': ['demos/components/goals/attachment-upload.tsx', "'use client'", 'useAttachmentUpload'],
      'Proxy /api/proxy/*': [PROXY_ROUTE],
      '.NET API': [UPLOADS],
    },
    steps: {
      'POST …/attachments/grants {fileName, size, contentType}, X-CSRF: 1': ['demos/lib/attachments/attachments-api.ts', "POST('/api/goals/{id}/attachments/grants'", 'fileName'],
      'the same, Authorization: Bearer …': ['demos/lib/proxy/proxy-allowlist.ts', "'attachments', 'grants'"],
      "store the token's hash, bound to account, goal, size and type": [GRANTS, 'IssueAsync', 'SHA-256'],
      '201 {uploadUrl, uploadToken, expiresAt}': [ATTACHMENTS, 'UploadUrl = uploadUrl, UploadToken = token, ExpiresAt = expiresAt'],
      '201, no-store': ['demos/lib/proxy/forward-to-api.ts', "'private, no-store'"],
      'OPTIONS /api/uploads (preflight, when the API is on another origin)': ['app/dotnet/[[...path]]/route.ts', 'export const OPTIONS'],
      "204, only the site's origin, PUT, two headers": ['dotnet/Api/Attachments/UploadCors.cs', 'WithOrigins', 'WithMethods(HttpMethods.Put)', 'WithHeaders("Content-Type", UploadEndpoints.TokenHeader)'],
      'PUT /api/uploads, X-Upload-Token, the file (progress events)': ['demos/lib/attachments/upload-file.ts', "xhr.open('PUT'", 'UPLOAD_TOKEN_HEADER', 'xhr.upload.onprogress'],
      'claim the token, stream to storage, stop at the size, check the first bytes': [UPLOADS, 'grants.ClaimAsync', 'received > grant.Size', 'sniffer.Push'],
      '201 Attachment': [UPLOADS, 'TypedResults.Created'],
      'GET …/attachments (the list again)': ['demos/lib/attachments/use-attachment-upload.ts', 'invalidateQueries'],
    },
  },
]
