// `npm run test:multi`: the multi-instance suite (tests/multi, playwright.multi.config.ts)
// against two instances of the existing production build (the one test:e2e
// made; NEXT_DIST_DIR picks another) on one Redis, behind a round-robin.
// Extra arguments go to Playwright. On a failure, each instance's log is printed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInherit } from '../lib/run-inherit.mjs'
import { PIN_HEADER, startInstances } from './start-instances.mjs'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const started = Date.now()

// 1. Alone (not after test:e2e), there may be no build yet: make one.
if (!existsSync(join(repoRoot, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
  console.log('No production build yet: running npm run build')
  if (spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) process.exit(1)
}

// 2. The settings the tests rely on. A small auth limit, so one test can use it
//    up across both instances (each test is its own address, so no other test
//    comes near it); registrations as often as the tests make them.
const authRateLimit = '40'
const site = await startInstances({
  env: {
    BFF_AUTH_RATE_LIMIT: authRateLimit,
    BFF_AUTH_RATE_WINDOW_SECONDS: '60',
    DOTNET_MOCK_REGISTRATIONS_PER_CLIENT: '100000',
  },
})
// 3. Each instance renders the demo's pages once before any test: a page's
//    first render loads its code, which takes seconds on a busy machine and
//    would otherwise land inside a test's timeouts.
await Promise.all(Object.values(site.instances).map((instance) => warmUp(instance.name)))
console.log(`Two instances (${Object.values(site.instances).map((i) => `${i.name} ${i.url} pid ${i.pid()}`).join(', ')}) on ${site.redisUrl}, behind ${site.url}; up after ${Math.round((Date.now() - started) / 1000)} s`)

// 4. Playwright against the balancer, by the name browsers treat as a secure
//    context (the production cookies are Secure, with the __Host- prefix).
let status = 1
try {
  status = await runInherit('npx', ['playwright', 'test', '-c', 'playwright.multi.config.ts', ...process.argv.slice(2)], {
    cwd: repoRoot,
    env: {
      ...process.env,
      MULTI_BASE_URL: site.url.replace('127.0.0.1', 'localhost'),
      MULTI_JWT_SIGNING_KEY: site.signingKey,
      MULTI_BFF_AUTH_RATE_LIMIT: authRateLimit,
    },
  })
  if (status !== 0) console.log(`\nThe instances' logs:\n${site.logs()}`)
} finally {
  // 5. Everything goes, whatever happened: the processes by their PIDs.
  await site.stop()
}
console.log(`test:multi took ${Math.round((Date.now() - started) / 1000)} s`)
process.exit(status)

/** A throwaway account on `name`, and the pages the tests load, each fetched once with its cookies. */
async function warmUp(name) {
  const pinned = { [PIN_HEADER]: name }
  const body = JSON.stringify({ name: 'Warm-up', email: `warm-up-${name}-${Date.now()}@example.com`, password: 'warm-up-password' })
  const registered = await fetch(`${site.url}/api/auth/register`, { method: 'POST', headers: { ...pinned, 'x-csrf': '1', 'content-type': 'application/json' }, body })
  if (registered.status !== 201) throw new Error(`Warming up instance ${name}: register answered ${registered.status} ${await registered.text()}`)
  const cookie = registered.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
  for (const path of ['/demo/login', '/demo/goals', '/demo/account', '/api/proxy/goals']) {
    await fetch(`${site.url}${path}`, { headers: { ...pinned, cookie }, redirect: 'manual' }).then((response) => response.arrayBuffer())
  }
}
