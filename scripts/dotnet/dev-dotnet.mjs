// `npm run dev:dotnet`: the whole site on the real API. Builds and starts the
// ASP.NET Core API (dotnet/Api) on a free loopback port, demo endpoints on and
// a fresh random signing key, then `next dev` with DOTNET_API_URL pointing at
// it. Ctrl-C stops both. Extra arguments go to `next dev` (e.g. -- --port 3001).
// `npm run dev` stays the default and needs no .NET: it uses the built-in mock.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { missingDotnetSdk } from './require-dotnet-sdk.mjs'
import { startDotnetApi } from './start-dotnet-api.mjs'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

// 1. This command exists to run the .NET API, so without the SDK it fails.
const missing = missingDotnetSdk('npm run dev:dotnet')
if (missing) {
  console.error(`${missing} \`npm run dev\` runs the site on its built-in mock instead.`)
  process.exit(1)
}

// 2. The API. A random key per run: nothing outside this process needs it.
const api = await startDotnetApi({ env: { Jwt__SigningKey: randomBytes(32).toString('base64url'), Demo__Enabled: 'true' } })
console.log(`The .NET API is up at ${api.url} (pid ${api.pid}; OpenAPI: ${api.url}/openapi/v1.json).`)

// 3. The site, pointed at it. It reads DOTNET_API_URL at run time (demos/lib/api/api-config.ts).
const site = spawn(join(repoRoot, 'node_modules', '.bin', 'next'), ['dev', ...process.argv.slice(2)], {
  cwd: repoRoot,
  env: { ...process.env, DOTNET_API_URL: api.url },
  stdio: 'inherit',
})
const forward = (signal) => site.exitCode === null && site.signalCode === null && site.kill(signal)
process.on('SIGINT', forward)
process.on('SIGTERM', forward)
process.on('SIGHUP', forward)

// 4. When the site ends, for whatever reason, the API goes too: by its PID.
const code = await new Promise((resolve) => site.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))))
await api.stop()
process.exit(code)
