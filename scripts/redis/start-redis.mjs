// Starts a throwaway Redis server for the tests: Debian's package, installed
// when missing, a free loopback port, no persistence, stopped by stop().
//   const redis = await startRedis()
//   … REDIS_URL = redis.url …
//   await redis.stop()
// `node scripts/redis/start-redis.mjs` starts one and prints its URL, for trying things by hand.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { freeLoopbackPort } from '../dotnet/start-dotnet-api.mjs'
import { aptInstall } from '../lib/apt-install.mjs'
import { spawnChildServer } from '../lib/spawn-child-server.mjs'

const readyTimeoutMs = 15_000

/** @returns {Promise<{ url: string, port: number, pid: number, stop: () => Promise<void> }>} */
export async function startRedis() {
  const bin = redisServerPath() ?? aptInstall('redis-server', redisServerPath)
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
  // SIGTERM: Redis exits at once, and with --save '' it writes nothing.
  const server = spawnChildServer(bin, args, { name: 'Redis', stopSignal: 'SIGTERM', forceSignal: 'SIGKILL', graceMs: 5_000 })

  // 2. Ready when it answers PING.
  await server.waitUntilReady(() => answersPing(port), { timeoutMs: readyTimeoutMs, intervalMs: 100 })
  return { url: `redis://127.0.0.1:${port}`, port, pid: server.pid, stop: server.stop }
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

// Run directly: start one, print its URL, stop on Ctrl+C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const redis = await startRedis()
  console.log(`REDIS_URL=${redis.url}  (pid ${redis.pid}; Ctrl+C stops it)`)
  process.once('SIGINT', () => redis.stop().then(() => process.exit(0)))
}
