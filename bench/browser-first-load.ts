// Holds scripts/measure-client-js.mjs to what a browser does: Chromium loads
// each page in a fresh context (empty cache), and every script it fetched before
// the load event is counted, gzip level 6 as in the measure. A page whose client
// components wait for the screen must match the measure exactly; a page with
// one on the first screen may also fetch that component's lazy chunks, and no more.
//   npx tsx bench/browser-first-load.ts http://127.0.0.1:3150   (the build NEXT_DIST_DIR names, served there)
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { findChromium } from '../tests/e2e/support/find-chromium'

/** One route in public/build-stats/client-js.json (scripts/measure-client-js.mjs): its first load, and its lazy chunks apart. */
type Size = { chunks: number; bytes: number; gzipBytes: number }
type MeasuredRoute = Size & { route: string; lazy?: Size }

export type BrowserFirstLoad = { route: string; chunks: number; gzipBytes: number; files: string[] }

export async function browserFirstLoad(baseUrl: string, routes: string[]): Promise<BrowserFirstLoad[]> {
  const browser = await chromium.launch({ executablePath: findChromium() })
  try {
    const rows: BrowserFirstLoad[] = []
    for (const route of routes) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${baseUrl}${route}`, { waitUntil: 'load' })
      // Resource timing, not response events: it says which scripts ended before the load event began.
      const files = await page.evaluate(() => {
        const { loadEventStart } = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
        return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((entry) => entry.responseEnd <= loadEventStart && new URL(entry.name).pathname.endsWith('.js'))
          .map((entry) => new URL(entry.name).pathname)
      })
      const bodies = await Promise.all(files.map(async (file) => (await context.request.get(`${baseUrl}${file}`)).body()))
      rows.push({ route, chunks: files.length, gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0), files: files.sort() })
      await context.close()
    }
    return rows
  } finally {
    await browser.close()
  }
}

/** Whether the browser fetched the measured first load, plus at most the page's lazy chunks. */
export function agrees(browser: BrowserFirstLoad, measured: MeasuredRoute): boolean {
  if (browser.gzipBytes === measured.gzipBytes) return true
  return browser.gzipBytes > measured.gzipBytes && browser.gzipBytes <= measured.gzipBytes + (measured.lazy?.gzipBytes ?? 0)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const baseUrl = process.argv[2]
  if (!baseUrl) throw new Error('usage: npx tsx bench/browser-first-load.ts <base URL of the build in NEXT_DIST_DIR>')
  const measured = (JSON.parse(readFileSync('public/build-stats/client-js.json', 'utf8')) as { firstLoad: { routes: MeasuredRoute[] } }).firstLoad.routes
  const docs = measured.filter((route) => route.lazy)
  const rows = await browserFirstLoad(baseUrl, docs.map((route) => route.route))
  console.table(
    rows.map((row) => {
      const build = docs.find((route) => route.route === row.route)!
      return { route: row.route, browser: row.gzipBytes, measured: build.gzipBytes, lazy: build.lazy!.gzipBytes, agrees: agrees(row, build) }
    }),
  )
  if (rows.some((row) => !agrees(row, docs.find((route) => route.route === row.route)!))) process.exitCode = 1
}
