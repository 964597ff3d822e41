import nextra from 'nextra'

// The bare baseline the benchmark measures this site against (bench/bare-site.ts):
// Nextra 4's docs theme with this site's options and nothing of its own.
// The nextra options are the site's (next.config.mjs at the repository root);
// tests/unit/bench/bare-site.test.ts holds the two to the same options.
const withNextra = nextra({
  contentDirBasePath: '/',
  search: { codeblocks: false },
  defaultShowCopyCode: true,
  mdxOptions: { rehypePrettyCodeOptions: { theme: { light: 'github-light-default', dark: 'github-dark-default' } } },
})

export default withNextra({
  reactStrictMode: true,
  poweredByHeader: false,
  // Served by a copy of the site's server.mjs (bench/bare-site.ts), which
  // compresses as it does for the site: both pages reach the browser the same way.
  compress: false,
  // bench/bare-site.ts builds a copy of this folder with the repository's
  // node_modules linked in. Turbopack takes its root from the nearest lockfile,
  // the repository's, and would then compile the site's own proxy.ts and
  // instrumentation files into the bare site.
  turbopack: { root: import.meta.dirname },
  // `npm run typecheck` at the repository root checks these files; checking
  // again here would only add seconds to every benchmark run.
  typescript: { ignoreBuildErrors: true },
})
