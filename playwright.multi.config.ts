import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/find-chromium'

// The multi-instance suite (tests/multi): two `next start` instances on one
// Redis behind a round-robin, which `npm run test:multi` (scripts/multi/test-multi.mjs)
// starts and names in MULTI_BASE_URL. There is no webServer here for that reason.
// Each test is its own client (its own loopback address and cookies), so they
// run side by side; most send plain HTTP, and one uses a browser.
export default defineConfig({
  testDir: 'tests/multi',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  // Two servers, Redis and a browser share the machine: a page may take seconds longer than on one server.
  expect: { timeout: 15_000 },
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results-multi',
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/multi.json' }]],
  use: {
    baseURL: process.env.MULTI_BASE_URL,
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
})
