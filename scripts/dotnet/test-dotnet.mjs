// `npm run test:dotnet`: the .NET API's own tests (dotnet test), then the
// contract suite (tests/contract) against a freshly started .NET API, with
// every setting the suite needs so that no test is skipped.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startDotnetApi } from './start-dotnet-api.mjs'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

// 1. Without the SDK: one clear line, never a silent skip. In CI it is a failure.
const probe = spawnSync('dotnet', ['--version'], { encoding: 'utf8' })
if (probe.error || probe.status !== 0) {
  const line = 'The .NET steps (dotnet test, contract suite against the .NET API) did not run: the `dotnet` command was not found. Install the .NET 10 SDK (https://dotnet.microsoft.com/download) to run them.'
  if (process.env.CI === 'true') {
    console.error(`${line} CI=true, so this fails.`)
    process.exit(1)
  }
  console.log(line)
  process.exit(0)
}

// 2. dotnet test (it builds both projects, so the API below needs no other build).
const unit = spawnSync('dotnet', ['test', join(repoRoot, 'dotnet', 'BffReference.slnx'), '--nologo'], { stdio: 'inherit' })
if (unit.status !== 0) process.exit(unit.status ?? 1)

// 3. The contract suite against the real API. Short lifetimes so the suite can
//    wait them out, a known key so it can forge tokens, the demo endpoints on.
const signingKey = randomBytes(32).toString('base64url')
const familySeconds = '6'
const overlapSeconds = '2'
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
    },
  })
  status = contract.status ?? 1
} finally {
  await api.stop()
}
process.exit(status)
