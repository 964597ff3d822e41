// `npm run test:dotnet`: the .NET API's own tests (dotnet test), then the
// contract suite (tests/contract) against a freshly started .NET API on its
// default SQLite, with every setting the suite needs so that no test is
// skipped but the two-instance ones, and beside it the suite's database-bound
// files, those included, on PostgreSQL with two instances sharing one database; then
// the site's code type-checked against TypeScript generated from that API's document.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { requireDotnetSdk } from './require-dotnet-sdk.mjs'
import { startDotnetApi } from './start-dotnet-api.mjs'
import { startPostgres } from './start-postgres.mjs'
import { runChild } from '../lib/run-child.mjs'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

// 1. Without the SDK: one clear line, never a silent skip. In CI it is a failure.
requireDotnetSdk('The .NET steps (dotnet test, contract suite and type check against the .NET API)')

// Short lifetimes so the suite can wait them out, a known key so it can forge
// tokens, the demo endpoints on. Uploads: a grant short enough to wait out, a
// quota small enough to fill, the origin the CORS test calls from.
const signingKey = randomBytes(32).toString('base64url')
const uploadGrantSeconds = '3'
const uploadQuotaBytes = '100000'
const allowedOrigin = 'http://site.contract.test'

/** What the API is told, and what the suite is told about it, for one run. */
function settings({ familySeconds, overlapSeconds, storagePath }) {
  return {
    api: {
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
    contract: {
      CONTRACT_JWT_SIGNING_KEY: signingKey,
      CONTRACT_REFRESH_FAMILY_SECONDS: familySeconds,
      CONTRACT_REFRESH_OVERLAP_SECONDS: overlapSeconds,
      CONTRACT_DEMO_CONTROLS: '1',
      CONTRACT_UPLOAD_GRANT_SECONDS: uploadGrantSeconds,
      CONTRACT_UPLOAD_QUOTA_BYTES: uploadQuotaBytes,
      CONTRACT_ALLOWED_ORIGIN: allowedOrigin,
    },
  }
}

/**
 * The suite against `url`, with its own JSON report, so the mock's
 * (reports/contract.json, read by the threat model page) stays as it is.
 * `quiet` collects its output instead, for printing after the run beside it.
 */
function runContract(url, report, contractEnv, files = [], { quiet = false } = {}) {
  const args = ['--base-url', url, `--outputFile.json=${report}`, ...files]
  return runChild(process.execPath, [join(repoRoot, 'scripts', 'test-contract.mjs'), ...args], { cwd: repoRoot, env: { ...process.env, ...contractEnv }, quiet })
}

/** Starts them together; if one fails, the others are stopped before the error goes on. */
async function startInstances(count, env) {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startDotnetApi({ build: false, env })))
  const instances = started.filter((result) => result.status === 'fulfilled').map((result) => result.value)
  const failed = started.find((result) => result.status === 'rejected')
  if (!failed) return instances
  await Promise.all(instances.map((instance) => instance.stop()))
  throw failed.reason
}

// 2. dotnet test (it builds both projects, so the APIs below need no other
//    build), with a PostgreSQL server for its PostgreSQL tests.
function dotnetTest(postgres) {
  const env = { ...process.env, API_TESTS_POSTGRES: postgres.connectionString('postgres') }
  return spawnSync('dotnet', ['test', join(repoRoot, 'dotnet', 'BffReference.slnx'), '--nologo'], { stdio: 'inherit', env }).status ?? 1
}

// 3. The whole suite against the API on its default SQLite.
async function contractOnSqlite() {
  const storagePath = mkdtempSync(join(tmpdir(), 'dotnet-api-attachments-'))
  const run = settings({ familySeconds: '6', overlapSeconds: '2', storagePath })
  const [api] = await startInstances(1, run.api)
  try {
    return await runContract(api.url, 'reports/contract-dotnet.json', run.contract)
  } finally {
    await api.stop()
    rmSync(storagePath, { recursive: true, force: true })
  }
}

// 4. Two instances on one PostgreSQL database, as behind a load balancer. Both
//    start at once on a database that does not exist yet, so their start-up
//    race (dotnet/Api/Data/PostgresStartupLock.cs) is part of the test. The
//    suite runs against the first, and its two-instance tests spread requests
//    over both. Only the files whose outcome rests on what the database
//    compares, orders and counts (times, tokens, pages, text, the per-client
//    registration count): the rest (demo controls, token checks, uploads, whose
//    claim is the same conditional UPDATE as a refresh token's; the sign-in
//    throttles, which count with the registrations' upsert and which
//    two-instances spreads over both) ran in step 3, and would add a
//    minute. A 5 s overlap window, so twenty parallel refreshes on a busy
//    machine land inside it, and a 10 s family, so the suite can wait out the
//    window and still find the family alive.
async function contractOnPostgres(postgres) {
  const storagePath = mkdtempSync(join(tmpdir(), 'dotnet-api-attachments-'))
  const run = settings({ familySeconds: '10', overlapSeconds: '5', storagePath })
  const files = ['two-instances', 'refresh-tokens', 'goals', 'goal-pagination', 'hardening', 'registration-limit'].map((name) => `tests/contract/${name}.test.ts`)
  const [first, second] = await startInstances(2, { ...run.api, ConnectionStrings__Api: postgres.connectionString('bff_api') })
  try {
    return await runContract(first.url, 'reports/contract-dotnet-postgres.json', { ...run.contract, CONTRACT_SECOND_BASE_URL: second.url }, files, { quiet: true })
  } finally {
    await Promise.all([first.stop(), second.stop()])
    rmSync(storagePath, { recursive: true, force: true })
  }
}

// One throwaway PostgreSQL server for steps 2 and 4, stopped whatever happens.
// Steps 3 and 4 run side by side, as the mock's two passes do: they share no
// API, port or store, and most of their time is spent waiting out lifetimes.
const postgres = await startPostgres()
let status = 1
try {
  status = dotnetTest(postgres)
  if (status === 0) {
    const started = Date.now()
    // Both settle before anything is thrown, so neither is left running when PostgreSQL stops.
    const settled = await Promise.allSettled([contractOnSqlite(), contractOnPostgres(postgres)])
    const failed = settled.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
    const [sqlite, pair] = settled.map((result) => result.value)
    console.log('\nThe PostgreSQL pair, at the same time: two .NET API instances on one database\n')
    process.stdout.write(pair.output)
    console.log(`Both runs: ${((Date.now() - started) / 1000).toFixed(1)} s`)
    status = sqlite.status || pair.status
  }
} finally {
  await postgres.stop()
}
if (status !== 0) process.exit(status)

// 5. The site's code against TypeScript generated from the .NET API's own OpenAPI document.
const types = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'dotnet', 'check-dotnet-types.mjs'), '--no-build'], { cwd: repoRoot, stdio: 'inherit' })
process.exit(types.status ?? 1)
