import { defineConfig } from 'vitest/config'

// The contract suite talks to an API over HTTP only, so it can run against the
// built-in mock (started by the global setup) or a real API:
//   npm run test:contract -- --base-url https://api.example.com
export default defineConfig({
  test: {
    include: ['tests/contract/**/*.test.ts'],
    globalSetup: ['tests/contract/global-setup.ts'],
    environment: 'node',
    // The JSON report feeds the threat model page's test statuses (site/lib/threat-model/).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/contract.json' },
    // A real API over the network is slower than the in-process mock.
    testTimeout: 20_000,
  },
})
