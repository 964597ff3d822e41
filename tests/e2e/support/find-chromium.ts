import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Debian's Chromium runs as root without its sandbox, and without reaching for the network on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * The browser for the test suite, found without help. In order:
 * 1. CHROMIUM_PATH, 2. Debian's /usr/bin/chromium, 3. a browser Playwright
 * already downloaded, 4. `playwright install chromium` (blocked on networks that
 * only reach the npm registry), 5. `apt-get install -y chromium` as root on Debian.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`)
    return fromEnv
  }
  const found = firstExisting()
  if (found) return remember(found)

  console.log('[find-chromium] no browser found; trying `playwright install chromium`')
  tryRun('npx playwright install chromium', 180_000)
  const downloaded = firstExisting()
  if (downloaded) return remember(downloaded)

  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    console.log('[find-chromium] installing Debian chromium with apt-get')
    tryRun('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', 600_000)
    const installed = firstExisting()
    if (installed) return remember(installed)
  }
  throw new Error('No Chromium found. Install one (apt-get install chromium) or set CHROMIUM_PATH.')
}

function firstExisting() {
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightsOwn()]
  return candidates.find((path): path is string => !!path && existsSync(path))
}

function playwrightsOwn() {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

// Workers inherit the environment, so the search runs once per test run.
function remember(path: string) {
  process.env.CHROMIUM_PATH = path
  return path
}

function tryRun(command: string, timeout: number) {
  try {
    execSync(command, { stdio: 'inherit', timeout })
  } catch {
    console.log(`[find-chromium] \`${command}\` failed`)
  }
}
