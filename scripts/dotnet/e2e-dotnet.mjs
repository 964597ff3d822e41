// `npm run test:e2e:dotnet`: the browser specs for workflows A–E and the token
// lifecycle, on the existing production build of the site (E2E_SKIP_BUILD=1;
// NEXT_DIST_DIR picks the build), with the BFF pointed at the ASP.NET Core API
// (DOTNET_API_URL) instead of the built-in mock. Extra arguments go to Playwright.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInherit } from '../lib/run-inherit.mjs'
import { requireDotnetSdk } from './require-dotnet-sdk.mjs'
import { startDotnetApi } from './start-dotnet-api.mjs'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const specs = ['tests/e2e/workflow-a-login.spec.ts', 'tests/e2e/workflows-bcd.spec.ts', 'tests/e2e/workflow-e-upload.spec.ts', 'tests/e2e/token-lifecycle.spec.ts']

requireDotnetSdk('The browser specs against the .NET API (workflows A–E, token lifecycle)')

// 1. One signing key for both sides: playwright.config.ts reads JWT_SIGNING_KEY
//    as E2E_JWT_SIGNING_KEY, and the API gets the same as Jwt__SigningKey.
//    Workflow E: the browser uploads to the API's own URL, and only the site's
//    origin may; the files go to a folder of this run's own.
const signingKey = process.env.JWT_SIGNING_KEY || randomBytes(32).toString('base64url')
const port = process.env.E2E_PORT ?? '3101'
const storagePath = mkdtempSync(join(tmpdir(), 'e2e-dotnet-attachments-'))
const api = await startDotnetApi({
  env: (url) => ({
    Jwt__SigningKey: signingKey,
    Demo__Enabled: 'true',
    // The specs register their accounts through the BFF from 127.0.0.1, more often than a public host lets one address.
    Accounts__RegistrationsPerClient: '100000',
    Uploads__PublicUrl: url,
    Uploads__AllowedOrigin: `http://localhost:${port}`,
    Uploads__StoragePath: storagePath,
  }),
})
console.log(`The .NET API is up at ${api.url} (pid ${api.pid}).`)

// 2. Playwright on its own port, output folder and report, so a run of the
//    mock's suite (port 3100, test-results, reports/e2e.json) is left alone.
let status = 1
try {
  // The hostile-callbackUrl cases are left to the mock's run: where to go after
  // sign-in is decided by the BFF and the page, whichever API signed the reader
  // in, so running them again here adds half a minute and no coverage.
  status = await runInherit('npx', ['playwright', 'test', ...specs, '--grep-invert', 'a hostile callbackUrl', ...process.argv.slice(2)], {
    cwd: repoRoot,
    env: {
      ...process.env,
      E2E_SKIP_BUILD: '1',
      E2E_PORT: port,
      E2E_OUTPUT_DIR: process.env.E2E_OUTPUT_DIR ?? 'test-results-dotnet',
      E2E_REPORT: process.env.E2E_REPORT ?? 'reports/e2e-dotnet.json',
      JWT_SIGNING_KEY: signingKey,
      DOTNET_API_URL: api.url,
      // The site's CSP lets page scripts reach the API's origin (connect-src).
      DOTNET_API_PUBLIC_URL: api.url,
    },
  })
} finally {
  // 3. The API goes, whatever happened: by its PID, never by name; then its files.
  await api.stop()
  rmSync(storagePath, { recursive: true, force: true })
}
process.exit(status)
