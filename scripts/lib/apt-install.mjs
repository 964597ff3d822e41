// Debian's package for a server the tests need (Redis, PostgreSQL), installed when it is missing.
import { spawnSync } from 'node:child_process'

/**
 * Installs a Debian package as root and returns what `find` then finds. A fresh
 * machine's package lists may be empty, so it updates them once if the first try fails.
 * @template T
 * @param {string} pkg
 * @param {() => T | null} find
 * @returns {T}
 */
export function aptInstall(pkg, find) {
  if (process.getuid?.() !== 0) {
    throw new Error(`${pkg} is not installed, and only root can install it: sudo apt-get install -y ${pkg}`)
  }
  console.log(`Installing ${pkg} (apt-get install -y ${pkg})…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg], { stdio: 'inherit', env })
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env })
    const retried = install()
    if (retried.status !== 0) throw new Error(`apt-get install ${pkg} failed (exit ${retried.status ?? retried.signal})`)
  }
  const found = find()
  if (!found) throw new Error(`apt-get installed ${pkg}, but it is not where this script looks for it`)
  return found
}
