// What the test command's throwaway servers (Redis, PostgreSQL) share: a child
// process whose output is kept for the error message until it is ready, that
// never outlives this process, and that stop() asks to end before forcing it.
import { spawn } from 'node:child_process'

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{
 *   name: string,
 *   spawnOptions?: import('node:child_process').SpawnOptions,
 *   stopSignal: NodeJS.Signals,
 *   forceSignal: NodeJS.Signals,
 *   graceMs: number,
 *   cleanup?: () => void,
 * }} options  stopSignal asks the server to end; forceSignal ends it when it has not after graceMs,
 *   or when this process exits first. cleanup runs once it has ended (its data folder, say).
 */
export function spawnChildServer(command, args, { name, spawnOptions = {}, stopSignal, forceSignal, graceMs, cleanup = () => {} }) {
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk) => {
    if (output !== null) output = (output + chunk).slice(-20_000)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // If this process ends first (an uncaught error, process.exit), the server must not outlive it.
  const killOnExit = () => {
    if (child.exitCode === null) child.kill(forceSignal)
    cleanup()
  }
  process.once('exit', killOnExit)

  async function stop() {
    process.off('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(stopSignal)
      const timer = setTimeout(() => child.exitCode === null && child.kill(forceSignal), graceMs)
      await exited
      clearTimeout(timer)
    }
    cleanup()
  }

  /** Polls `isReady` until it says yes; a server that exits or takes too long is stopped, and the error carries its output. */
  async function waitUntilReady(isReady, { timeoutMs, intervalMs }) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (child.exitCode !== null) {
        await stop()
        throw new Error(`${name} exited before it was ready (exit ${child.exitCode}):\n${output}`)
      }
      if (await isReady()) break
      if (Date.now() > deadline) {
        const log = output
        await stop()
        throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${log}`)
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
    // Ready: stop keeping its output, but keep draining the pipes so it never blocks on a full one.
    output = null
    child.stdout.resume()
    child.stderr.resume()
  }

  return { pid: child.pid, stop, waitUntilReady }
}
