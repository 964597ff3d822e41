import nextra from 'nextra'

const withNextra = nextra({
  // Docs live in content/ and are served by app/[[...mdxPath]]/page.tsx.
  contentDirBasePath: '/',
  search: { codeblocks: false },
  defaultShowCopyCode: true,
})

export default withNextra({
  reactStrictMode: true,
  // Lets two builds of one checkout coexist (parallel work, benchmarks); .next by default.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // NEXT_OUTPUT=standalone builds a self-contained server for deployment (see the Production page).
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // The source-code component reads demo files from disk at build time; tell the
  // output tracer they belong to the server bundle.
  outputFileTracingIncludes: {
    '/[[...mdxPath]]': ['./demos/**/*', './mocks/**/*', './app/**/*', './proxy.ts'],
  },
})
