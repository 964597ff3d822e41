// Starts a throwaway Redis server for the tests: Debian's package, installed
// when missing, a free loopback port, no persistence, stopped by stop().
//   const redis = await startRedis()
//   … REDIS_URL = redis.url …
//   await redis.stop()
// `node scripts/redis/start-redis.mjs` starts one and prints its URL, for trying things by hand.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { freeLoopbackPort } from '../dotnet/start-dotnet-api.mjs'

const readyTimeoutMs = 15_000

/** @returns {Promise<{ url: string, port: number, pid: number, stop: () => Promise<void> }>} */
export async function startRedis() {
  const bin = redisServerPath() ?? installRedis()
  const port = await freeLoopbackPort()

  // 1. Loopback only, nothing written to disk (no RDB snapshots, no AOF), and
  //    the eviction policy the "Running more than one instance" page asks for:
  //    every key the site writes has a TTL, so only those are evicted.
  const args = [
    '--bind', '127.0.0.1',
    '--port', String(port),
    '--protected-mode', 'yes',
    '--save', '',
    '--appendonly', 'no',
    '--maxmemory', '256mb',
    '--maxmemory-policy', 'volatile-lru',
    '--loglevel', 'warning',
  ]
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk) => {
    if (output !== null) output = (output + chunk).slice(-20_000)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // If this process ends first, the server must not outlive it.
  const killOnExit = () => {
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  process.once('exit', killOnExit)

  async function stop() {
    process.off('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) {
      // SIGTERM: Redis exits at once, and with --save '' it writes nothing.
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
  }

  // 2. Ready when it answers PING.
  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`Redis exited before it was ready (exit ${child.exitCode}):\n${output}`)
    }
    if (await answersPing(port)) break
    if (Date.now() > deadline) {
      const log = output
      await stop()
      throw new Error(`Redis did not answer within ${readyTimeoutMs / 1000} s:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  output = null
  child.stdout.resume()
  child.stderr.resume()

  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid, stop }
}

function answersPing(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1_000, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

function redisServerPath() {
  const which = spawnSync('which', ['redis-server'], { encoding: 'utf8' })
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim()
  return existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null
}

/** Debian's package, as root; a fresh machine's package lists may be empty, so update once if the first try fails. */
function installRedis() {
  if (process.getuid?.() !== 0) {
    throw new Error('Redis is not installed, and only root can install it: sudo apt-get install -y redis-server')
  }
  console.log('Installing Redis (apt-get install -y redis-server)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env })
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env })
    const retried = install()
    if (retried.status !== 0) throw new Error(`apt-get install redis-server failed (exit ${retried.status ?? retried.signal})`)
  }
  const bin = redisServerPath()
  if (!bin) throw new Error('apt-get installed redis-server, but redis-server is not on the PATH')
  return bin
}

// Run directly: start one, print its URL, stop on Ctrl+C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const redis = await startRedis()
  console.log(`REDIS_URL=${redis.url}  (pid ${redis.pid}; Ctrl+C stops it)`)
  process.once('SIGINT', () => redis.stop().then(() => process.exit(0)))
}
