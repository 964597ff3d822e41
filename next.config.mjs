import { existsSync, readdirSync } from 'node:fs'
import nextra from 'nextra'

// #region sandbox-headers
// The experiments' preview runner (public/sandbox/, built by scripts/build-sandbox.ts).
// Its policy allows only what it needs: its own scripts and styles, and the
// blob: modules it compiles the reader's code into. `sandbox` gives the
// document an opaque origin even when opened on its own, not in the docs' iframe.
const SANDBOX_RUNNER_CSP = [
  // No allow-same-origin: no cookies, storage or credentialed calls to the site.
  // allow-forms lets a <form> fire its submit event for React; form-action stops it going anywhere.
  'sandbox allow-scripts allow-forms',
  "default-src 'none'",
  "script-src 'self' blob:", // the runner and vendor files; each compiled module as a blob: URL
  "style-src 'self'", // the runner's stylesheet; React's style props are set through the DOM, not markup
  "connect-src 'none'", // the fake APIs run inside the sandbox: nothing calls out
  "frame-ancestors 'self'", // only this site's pages may embed it
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const sandboxHeaders = [
  { source: '/sandbox/runner.html', headers: [{ key: 'Content-Security-Policy', value: SANDBOX_RUNNER_CSP }, { key: 'Cache-Control', value: 'no-cache' }] },
  // The opaque origin makes every module script a cross-origin (CORS) request, Origin: null.
  { source: '/sandbox/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }, { key: 'X-Content-Type-Options', value: 'nosniff' }] },
  // Content-hashed names: a changed file gets a new name, so these never need revalidating.
  { source: '/sandbox/(assets|vendor)/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
]
// #endregion sandbox-headers

// #region security-headers
// Every response: no MIME sniffing, no full URL in Referer to other sites, no
// powerful browser features. HSTS only in production builds, and it only means
// something over https: browsers ignore it on http:// (and on localhost).
const production = process.env.NODE_ENV === 'production'
const everyResponse = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
]

// The docs pages are prerendered once for everyone, so they cannot carry a
// per-request nonce (the demo pages can: see proxy.ts). Next's inline payload
// scripts then need 'unsafe-inline'; everything else stays tight: no other
// origin, no plugins, no <base>, forms only to this site, no framing.
// Pagefind's search runs WebAssembly ('wasm-unsafe-eval'); the theme uses
// inline styles; the experiments frame /sandbox/runner.html.
const hostedSandpack = process.env.NEXT_PUBLIC_SANDPACK_BUNDLER === 'hosted'
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  `frame-src 'self'${hostedSandpack ? ' https://*.codesandbox.io' : ''}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

// JSON never needs to run, load or be framed anything.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// The attack lab's pretend attacker site (public/lab/): it must be able to aim
// forms and fetches at this site from the other loopback host, as a real one would.
const EVIL_SITE_CSP = "default-src 'self'; connect-src *; form-action *; frame-src *; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

const securityHeaders = [
  { source: '/:path*', headers: everyResponse },
  // Everything but the demo pages (proxy.ts), the API routes, the sandbox runner and the lab.
  { source: '/:path((?!demo(?:/|$)|api/|dotnet(?:/|$)|sandbox/|lab/).*)', headers: [{ key: 'Content-Security-Policy', value: DOCS_CSP }] },
  { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
  { source: '/dotnet/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
  { source: '/lab/:path*', headers: [{ key: 'Content-Security-Policy', value: EVIL_SITE_CSP }] },
]
// #endregion security-headers

// #region server-action-origins
// Server Actions carry no anti-forgery header. Next.js refuses one whose Origin
// names another host than the request was sent to (X-Forwarded-Host, else
// Host). A reverse proxy that rewrites Host without setting X-Forwarded-Host
// makes every action look cross-site; SERVER_ACTIONS_ALLOWED_ORIGINS names the
// public hosts to accept as well. Next.js compares hosts only, so a URL here
// would never match: refuse it instead of failing every action in production.
const serverActionOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((entry) => entry.trim())
  .filter(Boolean)
for (const entry of serverActionOrigins) {
  if (entry.includes('/')) throw new Error(`SERVER_ACTIONS_ALLOWED_ORIGINS: "${entry}" is a URL; give the host, as in app.example.com or *.example.com`)
}
// #endregion server-action-origins

// #region page-map-stand-ins
// Nextra's page map (getPageMap in the root layout, importPage in the docs
// route) imports every app/**/page.tsx, for its metadata. Importing a demo page
// imports its client components too, and they would join the first-load
// JavaScript of every page on the site. The page map imports a stand-in with
// no metadata instead, and app/demo/_meta.ts gives the demo pages their titles.
const demoPageStandIns = Object.fromEntries(
  readdirSync(new URL('app/demo', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`app/demo/${entry.name}/page.tsx`, import.meta.url)))
    .map(({ name }) => [`private-next-root-dir/app/demo/${name}/page.tsx`, './site/lib/page-map/demo-page-stand-in.ts']),
)
// #endregion page-map-stand-ins

// Nextra draws ```mermaid blocks in the browser with @theguild/remark-mermaid's component;
// the site's own shows drawings made ahead of time, as images (site/components/mermaid-diagram.tsx).
const mermaidComponent = { '@theguild/remark-mermaid/mermaid': './site/components/mermaid-diagram.tsx' }

const withNextra = nextra({
  // Docs live in content/ and are served by app/[[...mdxPath]]/page.tsx.
  contentDirBasePath: '/',
  search: { codeblocks: false },
  defaultShowCopyCode: true,
  // The themes of content/_components/code-themes.ts: every token colour reaches WCAG AA contrast.
  mdxOptions: { rehypePrettyCodeOptions: { theme: { light: 'github-light-default', dark: 'github-dark-default' } } },
})

export default withNextra({
  reactStrictMode: true,
  // No `X-Powered-By: Next.js`: it tells an attacker which advisories to try.
  poweredByHeader: false,
  // Lets two builds of one checkout coexist (parallel work, benchmarks); .next by default.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // NEXT_OUTPUT=standalone builds a self-contained server for deployment (see the Production page).
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // server.mjs compresses, with brotli as well as gzip; Next's own compression is
  // gzip only. A standalone build runs Next's server instead, so there it stays.
  compress: process.env.NEXT_OUTPUT === 'standalone',
  headers: async () => [...securityHeaders, ...sandboxHeaders],
  experimental: {
    serverActions: { allowedOrigins: serverActionOrigins },
    // zod/v4/core is a barrel. Without this, the one `config` that
    // demos/instrumentation-client.ts imports brings about 21 KiB of zod into
    // every page, forms or not; with it, only the module that defines `config`.
    optimizePackageImports: ['zod'],
  },
  turbopack: { resolveAlias: { ...demoPageStandIns, ...mermaidComponent } },
  // The source-code component reads demo files from disk at build time; tell the
  // output tracer they belong to the server bundle.
  outputFileTracingIncludes: {
    '/[[...mdxPath]]': ['./demos/**/*', './site/**/*', './mocks/**/*', './app/**/*', './proxy.ts'],
  },
})
