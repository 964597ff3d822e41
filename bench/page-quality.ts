// 4. Page quality: Lighthouse 12 (the last line that runs on Node 20) with the
// machine's Chromium, on the home page, a workflow page and the signed-in
// goals demo. The session cookies go into the browser's own cookie store
// before the run (Lighthouse's documented way for signed-in pages): an extra
// Cookie header would be replaced by the browser's own as soon as the page sets
// any cookie, such as the wire inspector's.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import lighthouse, { desktopConfig } from 'lighthouse'
import puppeteer from 'puppeteer-core'
import { findChromium } from '../tests/e2e/support/find-chromium'
import { registerThroughBff } from './bff-client'
import { freePort } from './bench-server'

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
const PAGES = [
  { name: 'Home', path: '/', signedIn: false },
  { name: 'Workflow C: pagination', path: '/workflows/pagination', signedIn: false },
  { name: 'Goals demo (signed in)', path: '/demo/goals', signedIn: true },
]
export const QUALITY_GOALS = { performance: 95, accessibility: 100, 'best-practices': 95 }

export type PageQualityRow = { page: string; path: string; formFactor: 'mobile' | 'desktop'; scores: Record<(typeof CATEGORIES)[number], number>; metrics: Record<string, number>; failedAudits: string[] }

export async function measurePageQuality({ baseUrl }: { baseUrl: string }): Promise<{ lighthouse: string; chromium: string; goals: typeof QUALITY_GOALS; rows: PageQualityRow[] }> {
  const chrome = await launchChromium()
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` })
  const rows: PageQualityRow[] = []
  try {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      for (const page of PAGES) {
        // A fresh tab with an empty cookie store; a signed-in page gets a fresh account's cookies,
        // which Lighthouse must not reset.
        const tab = await browser.newPage()
        await tab.deleteCookie(...(await tab.cookies(baseUrl)))
        if (page.signedIn) {
          const jar = await registerThroughBff(baseUrl, `bench-lighthouse-${formFactor}-${Date.now()}@example.com`)
          await tab.setCookie(...jar.entries().map(([name, value]) => ({ name, value, url: baseUrl, path: '/', httpOnly: true, secure: name.startsWith('__Host-'), sameSite: 'Lax' as const })))
        }
        const flags = { output: 'json' as const, logLevel: 'error' as const, onlyCategories: [...CATEGORIES], disableStorageReset: page.signedIn }
        // Mobile is Lighthouse's default (simulated slow 4G, 4x CPU slowdown); desktop is its own preset.
        const result = await lighthouse(`${baseUrl}${page.path}`, flags, formFactor === 'desktop' ? desktopConfig : undefined, tab)
        await tab.close()
        const lhr = result!.lhr
        if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${lhr.finalDisplayedUrl}`)
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
        const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN)
        const failedAudits = Object.values(lhr.categories)
          .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]))
          .filter((audit) => audit.score !== null && audit.score < 0.9)
          .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
        rows.push({
          page: page.name,
          path: page.path,
          formFactor,
          scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])) as PageQualityRow['scores'],
          metrics: { fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'), cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN },
          failedAudits,
        })
      }
    }
  } finally {
    await browser.disconnect()
    await chrome.stop()
  }
  return { lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version, chromium: chrome.version, goals: QUALITY_GOALS, rows }
}

async function launchChromium() {
  const port = await freePort(9300, 9399)
  const profile = mkdtempSync(path.join(tmpdir(), 'bench-lighthouse-'))
  const child = spawn(findChromium(), ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'], { stdio: 'ignore' })
  let version = 'unknown'
  for (let tries = 0; tries < 100; tries++) {
    const answer = await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.json() as Promise<{ Browser: string }>, () => null)
    if (answer) {
      version = answer.Browser
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => (rmSync(profile, { recursive: true, force: true }), resolve()))
      child.kill('SIGTERM')
    })
  return { port, version, stop }
}
