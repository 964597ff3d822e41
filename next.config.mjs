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
  // Lets two builds of one checkout coexist (parallel work, benchmarks); .next by default.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // NEXT_OUTPUT=standalone builds a self-contained server for deployment (see the Production page).
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  headers: async () => sandboxHeaders,
  // The source-code component reads demo files from disk at build time; tell the
  // output tracer they belong to the server bundle.
  outputFileTracingIncludes: {
    '/[[...mdxPath]]': ['./demos/**/*', './mocks/**/*', './app/**/*', './proxy.ts'],
  },
})
