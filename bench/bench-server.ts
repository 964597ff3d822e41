// Starts and stops the production server the benchmarks measure: server.mjs (`npm start`)
// on an existing build (building first when there is none), on a free port,
// owned by PID so nothing else on the machine is touched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

export type BenchServer = { url: string; port: number; pid: number; rssBytes: () => number; stop: () => Promise<void> }

// Limits the load test must not run into: it registers and signs in a hundred
// accounts from one address in a minute, which a public deployment would refuse.
export const BENCH_SERVER_ENV = {
  NODE_ENV: 'production' as const,
  NEXT_TELEMETRY_DISABLED: '1',
  BFF_AUTH_RATE_LIMIT: '1000000',
  BFF_AUTH_RATE_WINDOW_SECONDS: '1',
  DOTNET_MOCK_LOGIN_FAILURES_PER_CLIENT: '1000000',
  DOTNET_MOCK_REGISTRATIONS_PER_CLIENT: '1000000',
  // A fixed key keeps tokens valid across the phases of one run.
  JWT_SIGNING_KEY: 'benchmark-only-signing-key-not-a-secret-0123456789',
  // The upload benchmark's relay route (site/lib/bench/relay-upload.ts, UPLOAD_RELAY_ENV): 404 on any other server.
  BENCH_UPLOAD_RELAY: '1',
  // The proxy benchmark's naive proxy (site/lib/bench/naive-proxy.ts, NAIVE_PROXY_ENV): 404 on any other server.
  BENCH_NAIVE_PROXY: '1',
}

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || '.next'
}

/** Builds unless `<distDir>/BUILD_ID` exists (a fresh clone has none). */
export function ensureBuild(): void {
  if (existsSync(path.join(distDir(), 'BUILD_ID'))) return
  console.log(`No production build in ${distDir()}: running npm run build`)
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) throw new Error('npm run build failed')
}

/** The first port from `from` (inclusive) to `to` that nothing listens on. */
export async function freePort(from = Number(process.env.BENCH_PORT ?? 3210), to = from + 9): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false))
      probe.listen({ port, host: '127.0.0.1' }, () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`No free port in ${from}-${to}`)
}

export async function startServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // The site's own server (server.mjs), as `npm start` runs it. SIGINT lets node write a --cpu-prof profile before it exits.
  const server = await spawnServer([...nodeFlags(), 'server.mjs'], {
    env: { ...process.env, ...BENCH_SERVER_ENV, PORT: String(port), HOST: '127.0.0.1', ...env },
    readyUrl: `${url}/dotnet/swagger/v1/swagger.json`,
    name: 'the server',
    stopSignal: 'SIGINT',
  })
  return { url, port, pid: server.pid, rssBytes: () => processTreeRss(server.pid), stop: server.stop }
}

// BENCH_CPU_PROF=dir profiles the server (node --cpu-prof), written when it stops.
function nodeFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []
}

type SpawnServerOptions = { cwd?: string; env: NodeJS.ProcessEnv; readyUrl: string; name: string; stopSignal: NodeJS.Signals }

/**
 * A node server the benchmark starts (the site, the bare Nextra site), owned by PID: up once
 * `readyUrl` answers 2xx within 60 s, else killed, with its last output in the error.
 */
export async function spawnServer(args: string[], { cwd, env, readyUrl, name, stopSignal }: SpawnServerOptions): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (chunk) => (log = (log + chunk).slice(-4000)))
  child.stderr!.on('data', (chunk) => (log = (log + chunk).slice(-4000)))
  try {
    await waitUntilUp(readyUrl, child, name)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${log}`)
  }
  return { pid: child.pid!, stop: () => stop(child, stopSignal) }
}

async function waitUntilUp(url: string, child: ChildProcess, name: string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`)
    const up = await fetch(url).then((r) => r.ok, () => false)
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${name} did not answer ${url} within 60 s`)
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill(signal)
  })
}

/** Resident memory of the server and any process it started, from /proc (Linux); 0 elsewhere. */
export function processTreeRss(pid: number): number {
  try {
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    return rssKb * 1024 + children.reduce((sum, child) => sum + processTreeRss(Number(child)), 0)
  } catch {
    return 0
  }
}
