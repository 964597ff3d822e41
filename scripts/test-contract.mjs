// Runs the contract suite (tests/contract) against the built-in mock, or
// against a real API with --base-url. Against the mock it runs twice: in
// memory, then as two instances on one throwaway Redis (REDIS_URL's mode),
// the second pass with its own report. Other arguments go to vitest as they are:
//   npm run test:contract
//   npm run test:contract -- --base-url https://api.example.com
//   CONTRACT_JWT_SIGNING_KEY=… CONTRACT_REFRESH_FAMILY_SECONDS=… npm run test:contract -- --base-url …
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
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

function runSuite(extraEnv = {}, extraArgs = []) {
  const child = spawn(process.execPath, [vitestBin, 'run', '--config', 'vitest.contract.config.ts', ...forwarded, ...extraArgs], {
    env: { ...env, ...extraEnv },
    stdio: 'inherit',
  })
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
}

let status = await runSuite()
// A path to one test file in the arguments narrows the run; the Redis pass then runs those files too.
if (status === 0 && baseUrl === undefined) {
  const started = Date.now()
  const redis = await startRedis()
  try {
    console.log(`\nThe contract suite again: two mock instances on one Redis (${redis.url})\n`)
    // Its own report, so reports/contract.json (the threat model's source) stays the in-memory pass.
    status = await runSuite({ CONTRACT_MOCK_REDIS_URL: redis.url }, ['--outputFile.json=reports/contract-mock-redis.json'])
  } finally {
    await redis.stop()
  }
  console.log(`Redis pass: ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
process.exit(status)
