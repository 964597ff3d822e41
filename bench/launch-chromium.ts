// The machine's Chromium, headless with a throwaway profile, for Lighthouse to
// drive over the DevTools protocol (puppeteer-core connects to it).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findChromium } from '../tests/e2e/support/find-chromium'
import { freePort } from './bench-server'

export type RunningChromium = { port: number; version: string; stop: () => Promise<void> }

export async function launchChromium(): Promise<RunningChromium> {
  const port = await freePort(9300, 9399)
  const profile = mkdtempSync(path.join(tmpdir(), 'bench-lighthouse-'))
  const child = spawn(findChromium(), ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'], { stdio: 'ignore' })
  let version: string | undefined
  for (let tries = 0; tries < 100 && !version; tries++) {
    const answer = await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.json() as Promise<{ Browser: string }>, () => null)
    if (answer) version = answer.Browser
    else await new Promise((resolve) => setTimeout(resolve, 100))
  }
  // Chromium's helper processes can still be writing to the profile's cache when the main one has
  // exited: retry, and never let a leftover temporary folder throw away the measurements taken.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
    } catch (error) {
      console.warn(`Could not remove Chromium's profile ${profile}: ${(error as Error).message}`)
    }
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve(removeProfile())
      child.once('exit', () => resolve(removeProfile()))
      child.kill('SIGTERM')
    })
  if (!version) {
    await stop()
    throw new Error(`Chromium did not answer on port ${port} within 10 s`)
  }
  return { port, version, stop }
}
