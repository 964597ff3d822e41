// `npm run test:dotnet`: the .NET API's own tests (dotnet test), then the
// contract suite (tests/contract) against a freshly started .NET API, with
// every setting the suite needs so that no test is skipped, then the site's
// code type-checked against TypeScript generated from that API's document.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { requireDotnetSdk } from './require-dotnet-sdk.mjs'
import { startDotnetApi } from './start-dotnet-api.mjs'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

// 1. Without the SDK: one clear line, never a silent skip. In CI it is a failure.
requireDotnetSdk('The .NET steps (dotnet test, contract suite and type check against the .NET API)')

// 2. dotnet test (it builds both projects, so the API below needs no other build).
const unit = spawnSync('dotnet', ['test', join(repoRoot, 'dotnet', 'BffReference.slnx'), '--nologo'], { stdio: 'inherit' })
if (unit.status !== 0) process.exit(unit.status ?? 1)

// 3. The contract suite against the real API. Short lifetimes so the suite can
//    wait them out, a known key so it can forge tokens, the demo endpoints on.
const signingKey = randomBytes(32).toString('base64url')
const familySeconds = '6'
const overlapSeconds = '2'
// Uploads: a grant short enough to wait out, a quota small enough to fill, the
// origin the CORS test calls from, and a storage folder of this run's own.
const uploadGrantSeconds = '3'
const uploadQuotaBytes = '100000'
const allowedOrigin = 'http://site.contract.test'
const storagePath = mkdtempSync(join(tmpdir(), 'dotnet-api-attachments-'))
const api = await startDotnetApi({
  build: false,
  env: {
    Jwt__SigningKey: signingKey,
    RefreshTokens__FamilySeconds: familySeconds,
    RefreshTokens__OverlapSeconds: overlapSeconds,
    Demo__Enabled: 'true',
    // Test accounts only: a tenth of the production work factor keeps the
    // 50-failure login test well inside its timeout on a 2-core machine.
    PasswordHasher__IterationCount: '10000',
    Uploads__GrantSeconds: uploadGrantSeconds,
    Uploads__AccountQuotaBytes: uploadQuotaBytes,
    Uploads__AllowedOrigin: allowedOrigin,
    Uploads__StoragePath: storagePath,
  },
})
let status = 1
try {
  // Its own JSON report, so the mock's (reports/contract.json, read by the threat model page) stays as it is.
  const args = ['--base-url', api.url, '--outputFile.json=reports/contract-dotnet.json']
  const contract = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'test-contract.mjs'), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      CONTRACT_JWT_SIGNING_KEY: signingKey,
      CONTRACT_REFRESH_FAMILY_SECONDS: familySeconds,
      CONTRACT_REFRESH_OVERLAP_SECONDS: overlapSeconds,
      CONTRACT_DEMO_CONTROLS: '1',
      CONTRACT_UPLOAD_GRANT_SECONDS: uploadGrantSeconds,
      CONTRACT_UPLOAD_QUOTA_BYTES: uploadQuotaBytes,
      CONTRACT_ALLOWED_ORIGIN: allowedOrigin,
    },
  })
  status = contract.status ?? 1
} finally {
  await api.stop()
  rmSync(storagePath, { recursive: true, force: true })
}
if (status !== 0) process.exit(status)

// 4. The site's code against TypeScript generated from the .NET API's own OpenAPI document.
const types = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'dotnet', 'check-dotnet-types.mjs'), '--no-build'], { cwd: repoRoot, stdio: 'inherit' })
process.exit(types.status ?? 1)
