// Starts a throwaway PostgreSQL server for the tests: Debian's package,
// installed when missing, a fresh data folder, a free loopback port, no
// durability, and everything removed by stop().
//   const pg = await startPostgres()
//   … pg.connectionString('api') …   (Npgsql's keyword form: "Host=…")
//   await pg.stop()
import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { aptInstall } from '../lib/apt-install.mjs'
import { spawnChildServer } from '../lib/spawn-child-server.mjs'
import { freeLoopbackPort } from './start-dotnet-api.mjs'

const readyTimeoutMs = 30_000
const superuser = 'postgres'

/**
 * @returns {Promise<{ port: number, pid: number, connectionString: (database: string) => string, stop: () => Promise<void> }>}
 */
export async function startPostgres() {
  const bin = postgresBinDir() ?? aptInstall('postgresql', postgresBinDir)
  const owner = serverOwner()
  const port = await freeLoopbackPort()

  // 1. A folder the server's user owns; initdb creates the data folder inside it.
  const root = mkdtempSync(join(tmpdir(), 'api-postgres-'))
  if (owner) chownSync(root, owner.uid, owner.gid)
  const data = join(root, 'data')
  const asOwner = { ...owner, env: { ...process.env, LC_ALL: 'C' } }
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', superuser, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...asOwner,
    encoding: 'utf8',
  })
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true })
    throw new Error(`initdb failed (exit ${init.status ?? init.signal}):\n${init.stdout}${init.stderr}`)
  }

  // 2. Loopback TCP only (no Unix socket to place), trust auth for a server
  //    that lives as long as the test run, and none of the work that makes data survive a crash.
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
  }
  const args = ['-D', data, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])]
  // SIGINT is PostgreSQL's fast shutdown (open sessions are ended, nothing is
  // waited for); SIGQUIT stops it at once. Its folder goes with it either way.
  const server = spawnChildServer(join(bin, 'postgres'), args, {
    name: 'PostgreSQL',
    spawnOptions: asOwner,
    stopSignal: 'SIGINT',
    forceSignal: 'SIGQUIT',
    graceMs: 10_000,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  })

  // 3. Ready when pg_isready says it accepts connections.
  const isReady = () => spawnSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', superuser]).status === 0
  await server.waitUntilReady(isReady, { timeoutMs: readyTimeoutMs, intervalMs: 200 })

  return {
    port,
    pid: server.pid,
    connectionString: (database) => `Host=127.0.0.1;Port=${port};Username=${superuser};Database=${database}`,
    stop: server.stop,
  }
}

/** The newest installed server's bin folder (Debian keeps each major version apart), or null. */
function postgresBinDir() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length > 0 ? join(base, versions[0], 'bin') : null
}

/** PostgreSQL refuses to run as root: as root, the package's own "postgres" user runs it. */
function serverOwner() {
  if (process.getuid?.() !== 0) return null
  const id = (flag) => Number(spawnSync('id', [flag, superuser], { encoding: 'utf8' }).stdout.trim())
  const uid = id('-u')
  const gid = id('-g')
  if (!Number.isInteger(uid) || uid === 0 || Number.isNaN(gid)) throw new Error(`No "${superuser}" user to run PostgreSQL as (the postgresql package creates it)`)
  return { uid, gid }
}
