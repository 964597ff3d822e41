import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Unit tests only. The contract suite has its own config (vitest.contract.config.ts)
// because it runs against a base URL; the browser suite is Playwright's.
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server environment; unit tests import
      // server modules directly on purpose.
      'server-only': fileURLToPath(new URL('./tests/support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // A real Redis server for the stores that have a Redis implementation (REDIS_URL).
    globalSetup: ['tests/support/redis-global-setup.ts'],
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI
    // machine. Most files wait on sockets, Redis and timers, so two side by
    // side took 105 s where one took 176 s, with every test passing.
    maxWorkers: 2,
    // The JSON report feeds the threat model page's test statuses (site/lib/threat-model/).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
})
