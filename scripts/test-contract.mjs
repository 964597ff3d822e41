// Runs the contract suite (tests/contract) against the built-in mock, or
// against a real API with --base-url. Other arguments go to vitest as they are:
//   npm run test:contract
//   npm run test:contract -- --base-url https://api.example.com
//   CONTRACT_JWT_SIGNING_KEY=… CONTRACT_REFRESH_FAMILY_SECONDS=… npm run test:contract -- --base-url …
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'

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
const child = spawn(process.execPath, [vitestBin, 'run', '--config', 'vitest.contract.config.ts', ...forwarded], {
  env,
  stdio: 'inherit',
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
