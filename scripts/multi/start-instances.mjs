// Two instances of the site on one Redis, behind a round-robin: what a
// deployment with more than one instance runs, on loopback, from ONE existing
// production build (NEXT_DIST_DIR picks it; the default is .next).
//   const site = await startInstances({ env: { BFF_AUTH_RATE_LIMIT: '40' } })
//   … fetch(`${site.url}/demo/goals`) …   site.instances.a.restart()   site.logs()
//   await site.stop()
// Everything it starts (Redis, `node server.mjs` twice, the balancer) is
// stopped by stop(), the processes by their PIDs. `node scripts/multi/start-instances.mjs`
// starts one set and prints its addresses, for trying things by hand.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freeLoopbackPort } from '../dotnet/start-dotnet-api.mjs'
import { startRedis } from '../redis/start-redis.mjs'
import { PIN_HEADER, SERVED_BY_HEADER, startRoundRobin } from './round-robin.mjs'

export { PIN_HEADER, SERVED_BY_HEADER }

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const readyTimeoutMs = 90_000
const stopTimeoutMs = 10_000
const logLimit = 60_000

/**
 * @typedef {{ name: string, url: string, port: number, pid: () => number, log: () => string, restart: () => Promise<{ stoppedMs: number, startedMs: number }>, stop: () => Promise<void> }} Instance
 * @param {{ env?: Record<string, string>, names?: string[], redisUrl?: string }} [options]
 *   `env` goes to every instance, over the defaults below; `redisUrl` uses a Redis already running instead of starting one.
 */
export async function startInstances({ env = {}, names = ['a', 'b'], redisUrl } = {}) {
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (!existsSync(join(repoRoot, distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` first (NEXT_DIST_DIR picks another build).`)
  }
  /** @type {{ url: string, pid: number, stop: () => Promise<void> } | null} */
  let redis = null
  /** @type {Instance[]} */
  const started = []
  try {
    redis = redisUrl ? null : await startRedis()
    // 1. What a deployment must give every instance alike: the same Redis, the
    //    same signing key (a token issued by one is verified by the other), and
    //    the one proxy hop in front (the balancer), whose X-Forwarded-For entry is
    //    the client. DOTNET_API_URL empty: each BFF calls the mock in its own process.
    const shared = {
      ...instanceEnv(),
      ...env,
      REDIS_URL: redisUrl ?? /** @type {{ url: string }} */ (redis).url,
    }
    // 2. Both at once: each takes seconds to start, and the machine has the cores.
    const results = await Promise.allSettled(names.map((name) => startInstance(name, shared)))
    for (const result of results) if (result.status === 'fulfilled') started.push(result.value)
    const failed = results.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
    // 3. The balancer last, so it never sends a request to an instance still starting.
    const balancer = await startRoundRobin({ upstreams: started.map(({ name, url }) => ({ name, url })) })
    const instances = Object.fromEntries(started.map((instance) => [instance.name, instance]))
    return {
      url: balancer.url,
      balancer,
      redisUrl: shared.REDIS_URL,
      signingKey: shared.JWT_SIGNING_KEY,
      /** @type {Record<string, Instance>} */
      instances,
      /** Every instance's recent output, for a failure report. */
      logs: () => started.map((instance) => `----- instance ${instance.name} (${instance.url}) -----\n${instance.log()}`).join('\n'),
      stop: async () => {
        await balancer.close()
        await Promise.all(started.map((instance) => instance.stop()))
        await redis?.stop()
      },
    }
  } catch (error) {
    await Promise.all(started.map((instance) => instance.stop()))
    await redis?.stop()
    throw error
  }
}

/**
 * What every instance needs alike: a production server, a signing key of their
 * own (a set shares one), the one proxy hop in front (the balancer), and the
 * mock API in each process. No REDIS_URL: an instance started alone keeps its
 * state in memory.
 */
export function instanceEnv() {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    JWT_SIGNING_KEY: randomBytes(32).toString('base64url'),
    TRUSTED_PROXY_HOPS: '1',
    DOTNET_API_URL: '',
  }
}

/**
 * One `node server.mjs` on a free loopback port, with `env` over this process's;
 * restart() brings it back on the same port. @returns {Promise<Instance>}
 */
export async function startInstance(name, env) {
  const port = await freeLoopbackPort()
  const url = `http://127.0.0.1:${port}`
  let log = ''
  const append = (text) => (log = (log + text).slice(-logLimit))
  /** @type {import('node:child_process').ChildProcess} */
  let child = await spawnServer()

  async function spawnServer() {
    const server = spawn(process.execPath, ['server.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout.on('data', (chunk) => append(String(chunk)))
    server.stderr.on('data', (chunk) => append(String(chunk)))
    // If this process ends first, the server must not outlive it.
    const killOnExit = () => server.exitCode === null && server.kill('SIGKILL')
    process.once('exit', killOnExit)
    server.once('exit', () => process.off('exit', killOnExit))
    await waitUntilReady(server)
    return server
  }

  async function waitUntilReady(server) {
    const deadline = Date.now() + readyTimeoutMs
    for (;;) {
      if (server.exitCode !== null) throw new Error(`Instance ${name} exited before it was ready (exit ${server.exitCode}):\n${log}`)
      const ready = await fetch(`${url}/dotnet/swagger/v1/swagger.json`).then((response) => response.ok, () => false)
      if (ready) return
      if (Date.now() > deadline) {
        await stopProcess(server)
        throw new Error(`Instance ${name} did not answer within ${readyTimeoutMs / 1000} s:\n${log}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  return {
    name,
    url,
    port,
    pid: () => /** @type {number} */ (child.pid),
    log: () => log,
    /** Stops it by its PID (SIGTERM, as a deploy would) and starts it again on the same port. */
    restart: async () => {
      const stopping = Date.now()
      await stopProcess(child)
      const starting = Date.now()
      append(`\n----- restarted at ${new Date(starting).toISOString()} -----\n`)
      child = await spawnServer()
      return { stoppedMs: starting - stopping, startedMs: Date.now() - starting }
    },
    stop: () => stopProcess(child),
  }
}

/** SIGTERM to the PID, SIGKILL if it is still there after stopTimeoutMs. */
async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(/** @type {number} */ (child.pid), 'SIGTERM')
  const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(/** @type {number} */ (child.pid), 'SIGKILL'), stopTimeoutMs)
  await exited
  clearTimeout(timer)
}

// Run directly: start a set, print where it is, stop on Ctrl+C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const site = await startInstances()
  console.log(`Round-robin: ${site.url}`)
  for (const instance of Object.values(site.instances)) console.log(`Instance ${instance.name}: ${instance.url} (pid ${instance.pid()})`)
  console.log(`REDIS_URL=${site.redisUrl}  (Ctrl+C stops everything)`)
  process.once('SIGINT', () => site.stop().then(() => process.exit(0)))
}
