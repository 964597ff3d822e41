import { spawn } from 'node:child_process'

/** Runs a command with this terminal, passing Ctrl+C and SIGTERM on to it; resolves to its exit code. */
export function runInherit(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' })
    const forward = (signal) => child.exitCode === null && child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}
