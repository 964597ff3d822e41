import { spawn } from 'node:child_process'

/**
 * Runs a command to its end; resolves to its exit code and, when `quiet`, its
 * output, held back so that a run beside another does not interleave with it.
 */
export function runChild(command, args, { cwd, env, quiet = false }) {
  const child = spawn(command, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
  let output = ''
  if (quiet) {
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
  }
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output })))
}
