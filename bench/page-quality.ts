// 4. Page quality: Lighthouse 12 (the last line that runs on Node 20) with the
// machine's Chromium, on every docs page and demo page (bench/measured-pages.ts
// reads them from the tree) and on the bare Nextra page, served by its own
// build in the same run: every figure stands beside the bare page's. Each form
// factor makes three passes over all the pages, each opened by a run of the
// bare page, so every page and the bare page run three times, minutes apart.
// Each is held to its median run (medianRun, Lighthouse's own pick), the same
// way on both sides: a busy moment of the shared machine moves neither.
//
// Signed-in demo pages get a fresh account's session cookies in the browser's
// own cookie store before the run (Lighthouse's documented way for signed-in
// pages): an extra Cookie header would be replaced by the browser's own as soon
// as the page sets any cookie, such as the wire inspector's.
import os from 'node:os'
import lighthouse, { desktopConfig } from 'lighthouse'
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js'
import puppeteer, { type Browser } from 'puppeteer-core'
import { registerThroughBff } from './bff-client'
import { bareReference, firstPaintPath, LIGHTHOUSE_CATEGORIES, medianRun, QUALITY_GOALS, versusBare, type FormFactor, type LighthouseFigures, type SimulatedNode, type VersusBare } from './compare-with-bare'
import { launchChromium } from './launch-chromium'
import { measuredPages, type MeasuredPage } from './measured-pages'

export { QUALITY_GOALS }

export type PageQualityRow = LighthouseFigures &
  Omit<MeasuredPage, 'name' | 'signedIn'> & {
    page: string
    formFactor: FormFactor
    /** The performance score of each of the page's runs, in order; the row's figures are the median run's. */
    performanceRuns: number[]
    vsBare: VersusBare
  }
/** `pass`: which pass over the pages this bare run opened, from 1. */
export type BareQualityRun = LighthouseFigures & { formFactor: FormFactor; pass: number }
export type PageQuality = {
  lighthouse: string
  chromium: string
  /** How long the whole section took, and how busy the machine was when it started. */
  seconds: number
  loadAverageAtStart: number[]
  goals: typeof QUALITY_GOALS
  bare: { url: '/'; runs: BareQualityRun[] }
  rows: PageQualityRow[]
}

const FORM_FACTORS: FormFactor[] = ['mobile', 'desktop']
/** Passes over the pages per form factor: each page's runs, and the bare page's. */
const PASSES = 3

/** `paths` keeps some of the pages only, to try a change quickly. */
export async function measurePageQuality({ baseUrl, bareUrl, paths }: { baseUrl: string; bareUrl: string; paths?: string[] }): Promise<PageQuality> {
  const started = Date.now()
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100)
  const pages = measuredPages().filter((page) => !paths || paths.includes(page.path))
  const chrome = await launchChromium()
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` })
  const bareRuns: BareQualityRun[] = []
  const rows: PageQualityRow[] = []
  try {
    for (const formFactor of FORM_FACTORS) {
      const runs = pages.map(() => [] as LighthouseFigures[])
      for (let pass = 1; pass <= PASSES; pass++) {
        bareRuns.push({ ...(await runLighthouse(browser, bareUrl, { path: '/', signedIn: false }, formFactor)), formFactor, pass })
        for (const [index, page] of pages.entries()) runs[index].push(await runLighthouse(browser, baseUrl, page, formFactor))
      }
      const reference = bareReference(bareRuns.filter((run) => run.formFactor === formFactor))
      for (const [index, { name, signedIn: _signedIn, ...page }] of pages.entries()) {
        const row = medianRun(runs[index])
        const performanceRuns = runs[index].map((run) => run.scores.performance)
        rows.push({ ...row, ...page, page: name, formFactor, performanceRuns, vsBare: versusBare(row, reference) })
      }
    }
  } finally {
    await browser.disconnect()
    await chrome.stop()
  }
  const lighthouseVersion = (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version
  const seconds = Math.round((Date.now() - started) / 1000)
  return { lighthouse: lighthouseVersion, chromium: chrome.version, seconds, loadAverageAtStart, goals: QUALITY_GOALS, bare: { url: '/', runs: bareRuns }, rows }
}

async function runLighthouse(browser: Browser, origin: string, page: Pick<MeasuredPage, 'path' | 'signedIn'>, formFactor: FormFactor): Promise<LighthouseFigures> {
  // A fresh tab with an empty cookie store; a signed-in page gets a fresh account's cookies,
  // which Lighthouse must not reset.
  const tab = await browser.newPage()
  await tab.deleteCookie(...(await tab.cookies(origin)))
  if (page.signedIn) {
    const jar = await registerThroughBff(origin, `bench-lighthouse-${formFactor}-${Date.now()}@example.com`)
    await tab.setCookie(...jar.entries().map(([name, value]) => ({ name, value, url: origin, path: '/', httpOnly: true, secure: name.startsWith('__Host-'), sameSite: 'Lax' as const })))
    // Keeping the cookies keeps the HTTP cache too, and the pages before this
    // one filled it: the stylesheet and scripts would come from it, and the page
    // would be measured warm against cold pages. Emptied here, as Lighthouse
    // empties it before every other run.
    const session = await tab.createCDPSession()
    await session.send('Network.clearBrowserCache')
    await session.detach()
  }
  const flags = { output: 'json' as const, logLevel: 'error' as const, onlyCategories: [...LIGHTHOUSE_CATEGORIES], disableStorageReset: page.signedIn }
  // Mobile is Lighthouse's default (simulated slow 4G, 4x CPU slowdown); desktop is its own preset.
  Lantern.Simulation.Simulator.allNodeTimings.clear()
  const result = await lighthouse(`${origin}${page.path}`, flags, formFactor === 'desktop' ? desktopConfig : undefined, tab)
  await tab.close()
  const lhr = result!.lhr
  if (lhr.runtimeError) throw new Error(`${page.path} (${formFactor}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${lhr.finalDisplayedUrl}`)
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN)
  const items = (id: string) => ((lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [])
  const requests = items('network-requests') as { url: string; resourceType?: string; transferSize?: number }[]
  const documentRequest = requests.find((item) => item.resourceType === 'Document')
  // Render-blocking as Chrome itself classes each request, from the trace. The
  // render-blocking-resources audit lists only a request that took 50 ms or
  // more to download as observed, and nothing on loopback takes that long, so
  // it listed none, though every page has a stylesheet that blocks its first paint.
  const blockingUrls = new Set(
    (result!.artifacts.Trace.traceEvents as { name: string; args?: { data?: { url?: string; renderBlocking?: string } } }[])
      .filter((event) => event.name === 'ResourceSendRequest' && event.args?.data?.renderBlocking === 'blocking')
      .map((event) => event.args!.data!.url!),
  )
  const blocking = requests.filter((item) => blockingUrls.has(item.url))
  const blockingCss = blocking.filter((item) => item.resourceType === 'Stylesheet')
  const failedAudits = Object.values(lhr.categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]))
    .filter((audit) => audit.score !== null && audit.score < 0.9)
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
  return {
    scores: Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((id) => [id, score(id)])) as LighthouseFigures['scores'],
    metrics: {
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      speedIndexMs: metric('speed-index'),
      interactiveMs: metric('interactive'),
      cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN) * 10_000) / 10_000,
    },
    weight: {
      htmlTransferBytes: documentRequest?.transferSize ?? NaN,
      renderBlockingCss: { files: blockingCss.length, transferBytes: blockingCss.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) },
      renderBlockingScripts: blocking.length - blockingCss.length,
    },
    firstPaint: firstPaintPath(simulatedFirstPaintGraphs(page.path)),
    failedAudits,
  }
}

/**
 * The two graphs Lighthouse's simulator (Lantern) just timed for this page's
 * first contentful paint. It keeps each simulation's node timings, by label, in
 * one static map (the source of its own LANTERN_DEBUG traces); runs here go one
 * at a time and the map is emptied before each.
 */
function simulatedFirstPaintGraphs(path: string): SimulatedNode[][] {
  return ['optimistic', 'pessimistic'].map((estimate) => {
    const timings = Lantern.Simulation.Simulator.allNodeTimings.get(`${estimate}FirstContentfulPaint`)
    if (!timings) throw new Error(`${path}: Lighthouse kept no ${estimate} first-paint simulation`)
    return [...timings].map(([node, timing]) => ({
      kind: node.type === 'cpu' ? 'main-thread' : node.isMainDocument() ? 'document' : 'download',
      endMs: timing.endTime,
    }))
  })
}
