// Runs the contract suite (tests/contract) against the built-in mock, or
// against a real API with --base-url. Against the mock it runs twice, side by
// side: in memory, and as two instances on one throwaway Redis (REDIS_URL's
// mode), the second pass with its own report. Other arguments go to vitest as they are:
//   npm run test:contract
//   npm run test:contract -- --base-url https://api.example.com
//   CONTRACT_JWT_SIGNING_KEY=… CONTRACT_REFRESH_FAMILY_SECONDS=… npm run test:contract -- --base-url …
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { runChild } from './lib/run-child.mjs'
import { startRedis } from './redis/start-redis.mjs'

const { values, tokens } = parseArgs({
  options: { 'base-url': { type: 'string' } },
  strict: false,
  allowPositionals: true,
  tokens: true,
})

const env = { ...process.env }
const baseUrl = values['base-url']
if (baseUrl !== undefined) {
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) {
    console.error(`--base-url needs an absolute URL, got ${JSON.stringify(baseUrl)}`)
    process.exit(2)
  }
  env.CONTRACT_BASE_URL = baseUrl
}

// Everything except --base-url and its value, in the order it was given.
const forwarded = tokens
  .filter((token) => !(token.kind === 'option' && token.name === 'base-url'))
  .map((token) => process.argv[token.index + 2])
  .filter((arg) => arg !== undefined)

const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')

/** Runs the suite once; `quiet` collects its output instead, for printing after the other pass. */
function runSuite(extraEnv = {}, extraArgs = [], { quiet = false } = {}) {
  return runChild(process.execPath, [vitestBin, 'run', '--config', 'vitest.contract.config.ts', ...forwarded, ...extraArgs], { env: { ...env, ...extraEnv }, quiet })
}

// Against a given API, one pass. Against the built-in mock, two passes side by
// side: in process memory, and two instances on one Redis. They share nothing
// (each has its own mock, ports and store), and most of either's time is spent
// waiting out short lifetimes, so together they take about as long as one.
// A path to one test file in the arguments narrows both.
if (baseUrl !== undefined) process.exit((await runSuite()).status)

const started = Date.now()
const redis = await startRedis()
let statuses
try {
  const redisPass = runSuite(
    { CONTRACT_MOCK_REDIS_URL: redis.url },
    // Its own report, so reports/contract.json (the threat model's source) stays the in-memory pass.
    ['--outputFile.json=reports/contract-mock-redis.json'],
    { quiet: true },
  )
  const memory = await runSuite()
  const shared = await redisPass
  console.log(`\nThe contract suite again, at the same time: two mock instances on one Redis (${redis.url})\n`)
  process.stdout.write(shared.output)
  statuses = [memory.status, shared.status]
} finally {
  await redis.stop()
}
console.log(`Both passes: ${((Date.now() - started) / 1000).toFixed(1)} s`)
process.exit(statuses.find((status) => status !== 0) ?? 0)
