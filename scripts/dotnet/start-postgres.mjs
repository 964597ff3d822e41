// Starts a throwaway PostgreSQL server for the tests: Debian's package,
// installed when missing, a fresh data folder, a free loopback port, no
// durability, and everything removed by stop().
//   const pg = await startPostgres()
//   … pg.connectionString('api') …   (Npgsql's keyword form: "Host=…")
//   await pg.stop()
import { spawn, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freeLoopbackPort } from './start-dotnet-api.mjs'

const readyTimeoutMs = 30_000
const superuser = 'postgres'

/**
 * @returns {Promise<{ port: number, pid: number, connectionString: (database: string) => string, stop: () => Promise<void> }>}
 */
export async function startPostgres() {
  const bin = postgresBinDir() ?? installPostgres()
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
  const child = spawn(join(bin, 'postgres'), args, { ...asOwner, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk) => {
    if (output !== null) output = (output + chunk).slice(-20_000)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // If this process ends first (an uncaught error, process.exit), the server
  // must not outlive it: SIGQUIT stops it at once, and its folder goes too.
  const killOnExit = () => {
    if (child.exitCode === null) child.kill('SIGQUIT')
    rmSync(root, { recursive: true, force: true })
  }
  process.once('exit', killOnExit)

  async function stop() {
    process.off('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) {
      // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, nothing is waited for.
      child.kill('SIGINT')
      const timer = setTimeout(() => child.exitCode === null && child.kill('SIGQUIT'), 10_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(root, { recursive: true, force: true })
  }

  // 3. Ready when pg_isready says it accepts connections.
  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`PostgreSQL exited before it was ready (exit ${child.exitCode}):\n${output}`)
    }
    const ready = spawnSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', superuser])
    if (ready.status === 0) break
    if (Date.now() > deadline) {
      const log = output
      await stop()
      throw new Error(`PostgreSQL did not accept connections within ${readyTimeoutMs / 1000} s:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  output = null
  child.stdout.resume()
  child.stderr.resume()

  return {
    port,
    pid: child.pid,
    connectionString: (database) => `Host=127.0.0.1;Port=${port};Username=${superuser};Database=${database}`,
    stop,
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

/** Debian's package, as root; a fresh machine's package lists may be empty, so update once if the first try fails. */
function installPostgres() {
  if (process.getuid?.() !== 0) {
    throw new Error('PostgreSQL is not installed, and only root can install it: sudo apt-get install -y postgresql')
  }
  console.log('Installing PostgreSQL (apt-get install -y postgresql)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env })
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env })
    const retried = install()
    if (retried.status !== 0) throw new Error(`apt-get install postgresql failed (exit ${retried.status ?? retried.signal})`)
  }
  const bin = postgresBinDir()
  if (!bin) throw new Error('apt-get installed postgresql, but no server is under /usr/lib/postgresql')
  return bin
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
