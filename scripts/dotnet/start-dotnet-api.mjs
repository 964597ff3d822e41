// Builds and starts the ASP.NET Core API (dotnet/Api) on a free loopback port.
//   const api = await startDotnetApi({ env: { Jwt__SigningKey: '…' } })
//   … fetch(`${api.url}/api/…`) …
//   await api.stop()
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const apiProjectDir = join(repoRoot, 'dotnet', 'Api')
const apiDll = join(apiProjectDir, 'bin', 'Debug', 'net10.0', 'BffReference.Api.dll')
const readyTimeoutMs = 60_000

/** A port the OS just handed out on 127.0.0.1, released again for the API to take. */
export function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * @param {{ env?: Record<string, string> | ((url: string) => Record<string, string>), build?: boolean }} [options]
 *   `env` may be a function of the API's URL, for settings that name it (Uploads__PublicUrl).
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void> }>}
 */
export async function startDotnetApi({ env = {}, build = true } = {}) {
  if (build) {
    const result = spawnSync('dotnet', ['build', apiProjectDir, '--nologo', '-v', 'quiet'], { stdio: 'inherit' })
    if (result.status !== 0) throw new Error(`dotnet build failed (exit ${result.status ?? result.signal})`)
  }

  const port = await freeLoopbackPort()
  const url = `http://127.0.0.1:${port}`
  // The content root is the project folder, so appsettings.json is read from there.
  const child = spawn('dotnet', [apiDll, '--urls', url], {
    cwd: apiProjectDir,
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1', ...(typeof env === 'function' ? env(url) : env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Kept for the error message if it never becomes ready; dropped once it is.
  let output = ''
  const collect = (chunk) => {
    if (output !== null) output = (output + chunk).slice(-20_000)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return
    process.kill(child.pid, 'SIGTERM')
    const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The .NET API exited before it was ready (exit ${child.exitCode}):\n${output}`)
    try {
      if ((await fetch(`${url}/openapi/v1.json`)).ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`The .NET API did not answer within ${readyTimeoutMs / 1000} s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  output = null
  child.stdout.resume()
  child.stderr.resume()
  return { url, pid: child.pid, stop }
}
