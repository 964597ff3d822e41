// The rule every .NET test step follows: without the SDK, say so in one line and
// skip (exit 0) on a reader's machine; fail (exit 1) in CI. Never skip silently.
import { spawnSync } from 'node:child_process'

/** @param {string} what The steps that need the SDK, for the message. @returns {string | null} Why they cannot run, or null. */
export function missingDotnetSdk(what) {
  const probe = spawnSync('dotnet', ['--version'], { encoding: 'utf8' })
  if (!probe.error && probe.status === 0) return null
  return `${what} did not run: the \`dotnet\` command was not found. Install the .NET 10 SDK (https://dotnet.microsoft.com/download) to run them.`
}

/** @param {string} what The steps that will not run, for the message. */
export function requireDotnetSdk(what) {
  const line = missingDotnetSdk(what)
  if (line === null) return
  if (process.env.CI === 'true') {
    console.error(`${line} CI=true, so this fails.`)
    process.exit(1)
  }
  console.log(line)
  process.exit(0)
}
