import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/find-chromium'

const PORT = Number(process.env.E2E_PORT ?? 3100)
export const baseURL = `http://localhost:${PORT}`
/**
 * The mock API's signing key for the browser suite: known, so the no-secrets
 * scan can look for it and the attack tests can forge expired and wrong-audience
 * tokens. A test-only value; production sets its own or gets a random one.
 */
export const E2E_JWT_SIGNING_KEY = process.env.JWT_SIGNING_KEY ?? 'e2e-only-signing-key-0123456789abcdefghijklmnopqrstuvwxyz'

// The browser suite runs against a production build (next build && npm start),
// because that is what readers deploy: dev mode differs in caching and cookies.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Overridable so two runs from one checkout (parallel work) do not share files.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]],
  use: {
    baseURL,
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    // server.mjs is `next start` plus the socket address, as `npm start` runs it.
    command: process.env.E2E_SKIP_BUILD ? 'node server.mjs' : 'npm run build && node server.mjs',
    url: `${baseURL}/dotnet/swagger/v1/swagger.json`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      JWT_SIGNING_KEY: E2E_JWT_SIGNING_KEY,
      // Every spec registers its accounts from 127.0.0.1, far more often than a public host lets one address.
      DOTNET_MOCK_REGISTRATIONS_PER_CLIENT: '100000',
      // Workflow E across two origins: grants name the mock by 127.0.0.1, the site is
      // localhost, so the direct upload is cross-origin and its preflight real. The C#
      // API run (scripts/dotnet/e2e-dotnet.mjs) names the API's own URL instead.
      DOTNET_API_PUBLIC_URL: process.env.DOTNET_API_PUBLIC_URL ?? `http://127.0.0.1:${PORT}/dotnet`,
      DOTNET_API_ALLOWED_ORIGIN: baseURL,
    },
  },
})
