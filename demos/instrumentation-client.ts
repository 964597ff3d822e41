import { config } from 'zod/v4/core'

// Runs once in the browser before the app's own code (Next.js loads
// instrumentation-client.ts first). The demo pages' Content-Security-Policy
// has no 'unsafe-eval': without this, zod probes `new Function` for its
// compiled fast path as it builds the first object schema, and the browser
// reports a violation. Every schema shares this one setting (`z.config` is
// this function). Importing it alone keeps zod out of pages that have no form,
// given `optimizePackageImports: ['zod']` in next.config.mjs: zod/v4/core is a
// barrel, and without that the import brings most of zod with it.
config({ jitless: true })
