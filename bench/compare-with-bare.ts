// Each page's Lighthouse figures beside the bare Nextra page's from the same
// run (bench/bare-nextra/, the docs theme with one plain MDX page). Pure, so
// its arithmetic has its own unit tests (tests/unit/bench); the Measured page
// marks each goal met or missed from these figures (site/lib/measured/bench-goals.ts).
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js'

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number]
export type FormFactor = 'mobile' | 'desktop'

/** What one Lighthouse run of one page records. */
export type LighthouseFigures = {
  scores: Record<LighthouseCategory, number>
  /** interactiveMs (time to interactive) is not scored; it picks the median run (medianRun). */
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; speedIndexMs: number; cls: number; interactiveMs: number }
  /** What the page makes the browser fetch before its first paint, and its HTML. */
  weight: { htmlTransferBytes: number; renderBlockingCss: { files: number; transferBytes: number }; renderBlockingScripts: number }
  /** Where the simulated first paint's time goes (firstPaintPath). */
  firstPaint: FirstPaintPath
  failedAudits: string[]
}

/**
 * The goals, recorded with each run. Performance, FCP and LCP are relative to
 * the bare page on the same machine in the same run (a loaded machine slows
 * both), and apply to docs pages; layout shift and the other categories are
 * absolute and apply to every page, the demos included.
 */
export const QUALITY_GOALS = {
  /** Performance score minus the bare page's, in points: at least this. */
  performanceOverBare: 0,
  /** FCP and LCP over the bare page's: at most this (10% slower). */
  paintOverBare: 1.1,
  /** Cumulative layout shift: at most this. */
  cls: 0.02,
  accessibility: 100,
  'best-practices': 95,
}

export type BareReference = { performance: number; fcpMs: number; lcpMs: number }
export type VersusBare = { performance: number; fcpRatio: number; lcpRatio: number }

type Run = Pick<LighthouseFigures, 'scores' | 'metrics'>

/**
 * The bare page's figures a form factor is held to: those of its median run,
 * picked as the docs pages' own are.
 */
export function bareReference(runs: Run[]): BareReference {
  if (runs.length === 0) throw new Error('the bare page was not measured')
  const { scores, metrics } = medianRun(runs)
  return { performance: scores.performance, fcpMs: metrics.fcpMs, lcpMs: metrics.lcpMs }
}

/**
 * The run that stands for a page, every figure from that one run: Lighthouse's
 * own pick of a median run (computeMedianRun, what its docs on variability ask
 * for), the run nearest the median first paint and the median time to
 * interactive, the earliest and the latest moment of the load. Not the run with
 * the median score: one figure alone can still pick a run whose start or end
 * was the odd one out.
 */
export function medianRun<R extends Run>(runs: R[]): R {
  if (runs.length === 0) throw new Error('the page was not measured')
  // computeMedianRun reads only these two audits of each Lighthouse result.
  const results = runs.map((run) => ({ run, audits: { 'first-contentful-paint': { numericValue: run.metrics.fcpMs }, interactive: { numericValue: run.metrics.interactiveMs } } }))
  const median = computeMedianRun(results as unknown as Parameters<typeof computeMedianRun>[0]) as unknown as (typeof results)[number]
  return median.run
}

/** How much later than the bare page's first paint (or largest) a docs page may paint and still meet the goal, in ms. */
export function paintAllowanceMs(bareMs: number): number {
  return (QUALITY_GOALS.paintOverBare - 1) * bareMs
}

const ratio = (value: number, reference: number) => Math.round((value / reference) * 1000) / 1000

export function versusBare(figures: Pick<LighthouseFigures, 'scores' | 'metrics'>, bare: BareReference): VersusBare {
  return {
    performance: figures.scores.performance - bare.performance,
    fcpRatio: ratio(figures.metrics.fcpMs, bare.fcpMs),
    lcpRatio: ratio(figures.metrics.lcpMs, bare.lcpMs),
  }
}

const SIMULATED_TCP = { initialWindowSegments: 10, segmentBytes: 1460 }

/**
 * The networks Lighthouse simulates, one per form factor ("slow 4G" for the
 * phone, its default; "dense 4G" for the desktop preset), as its simulator
 * (Lantern, in @paulirish/trace_engine: simulation/Constants.js and
 * TCPConnection.js) models a response: 10 TCP segments of 1,460 bytes arrive
 * with the first byte, and each later round trip brings twice the last, up to
 * what the connection's throughput carries in one.
 */
export const SIMULATED_NETWORKS: Record<FormFactor, SimulatedNetwork> = {
  mobile: { rttMs: 150, throughputKbps: 1.6 * 1024, ...SIMULATED_TCP },
  desktop: { rttMs: 40, throughputKbps: 10 * 1024, ...SIMULATED_TCP },
}
export type SimulatedNetwork = { rttMs: number; throughputKbps: number; initialWindowSegments: number; segmentBytes: number }

/** The round trips Lighthouse's simulated network needs for a response of `bytes`, counting the one that brings its first byte. */
export function simulatedRoundTrips(bytes: number, network: SimulatedNetwork): number {
  const bytesPerRoundTrip = ((network.throughputKbps * 1024) / 8) * (network.rttMs / 1000)
  const maximumWindow = Math.floor(bytesPerRoundTrip / network.segmentBytes)
  let window = network.initialWindowSegments
  let received = window * network.segmentBytes
  let roundTrips = 1
  while (received < bytes) {
    window = Math.min(maximumWindow, window * 2)
    received += window * network.segmentBytes
    roundTrips++
  }
  return roundTrips
}

/** A node of one of Lantern's first-paint graphs, and when it ended in the simulation. */
export type SimulatedNode = { kind: 'document' | 'download' | 'main-thread'; endMs: number }
export type FirstPaintPath = { htmlMs: number; blockingDownloadsMs: number; mainThreadMs: number }

/**
 * Where the simulated first paint's time goes, one part after the other: until
 * the HTML has arrived; then until the downloads the paint waits for (the
 * stylesheet) have too; then the main-thread work (parsing, style, layout,
 * paint) still running after both. Lighthouse's FCP is the mean of two graphs,
 * an optimistic and a pessimistic one (Lantern's coefficients, 0.5 each), so
 * each part is the mean of the two graphs' parts, and the three add up to the FCP.
 */
export function firstPaintPath(graphs: SimulatedNode[][]): FirstPaintPath {
  if (graphs.length === 0) throw new Error('no simulated first-paint graph')
  const parts = graphs.map((nodes) => {
    const documents = nodes.filter((node) => node.kind === 'document')
    if (documents.length !== 1) throw new Error(`a first-paint graph has ${documents.length} documents, not one`)
    const html = documents[0].endMs
    const downloads = Math.max(html, ...nodes.filter((node) => node.kind === 'download').map((node) => node.endMs))
    const end = Math.max(downloads, ...nodes.map((node) => node.endMs))
    return { htmlMs: html, blockingDownloadsMs: downloads - html, mainThreadMs: end - downloads }
  })
  const mean = (key: keyof FirstPaintPath) => Math.round(parts.reduce((sum, part) => sum + part[key], 0) / parts.length)
  return { htmlMs: mean('htmlMs'), blockingDownloadsMs: mean('blockingDownloadsMs'), mainThreadMs: mean('mainThreadMs') }
}
