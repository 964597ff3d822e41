import { config } from 'zod/v4/core'

// Runs once in the browser before the app's own code (Next.js loads
// instrumentation-client.ts first). The demo pages' Content-Security-Policy
// has no 'unsafe-eval': without this, zod probes `new Function` for its
// compiled fast path the first time a schema parses, and the browser reports
// a violation. Every schema shares this one setting (`z.config` is this
// function); importing it alone keeps zod out of pages that have no form.
config({ jitless: true })
