import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bareReference, paintAllowanceMs, QUALITY_GOALS, SIMULATED_NETWORKS, simulatedRoundTrips, type FormFactor } from '@/bench/compare-with-bare'
import type { PageQuality } from '@/bench/page-quality'

// The Measured page explains why no docs page's first paint comes within 10% of
// the bare page's: the HTML takes more round trips of Lighthouse's simulated
// network, the gap is in the HTML's part of the simulated first paint, and one
// round trip is more than the goal allows. This holds each sentence to the
// published run, and "no docs page reaches" the goal and the desktop scores'
// "within a point" too.
const { pageQuality } = JSON.parse(readFileSync('bench/results.json', 'utf8')) as { pageQuality: PageQuality }

describe.each(['mobile', 'desktop'] as FormFactor[])("the published run's first paint on the simulated %s network", (formFactor) => {
  const network = SIMULATED_NETWORKS[formFactor]
  const roundTrips = (bytes: number) => simulatedRoundTrips(bytes, network)
  const bare = pageQuality.bare.runs.filter((run) => run.formFactor === formFactor)
  const docs = pageQuality.rows.filter((row) => row.formFactor === formFactor && row.kind === 'docs')
  const bareParts = (key: keyof PageQuality['rows'][number]['firstPaint']) => bare.map((run) => run.firstPaint[key])

  it('was measured on the bare page and on the docs pages', () => {
    expect(bare.length).toBeGreaterThan(0)
    expect(docs.length).toBeGreaterThan(5)
  })

  it("the bare page's HTML arrives in one round trip, every docs page's in two or more", () => {
    for (const run of bare) expect(roundTrips(run.weight.htmlTransferBytes), `bare, ${run.turn} run`).toBe(1)
    for (const row of docs) expect(roundTrips(row.weight.htmlTransferBytes), row.path).toBeGreaterThanOrEqual(2)
  })

  it("the stylesheet's part is within 30 ms of the bare page's on every docs page", () => {
    const [low, high] = [Math.min(...bareParts('blockingDownloadsMs')), Math.max(...bareParts('blockingDownloadsMs'))]
    for (const row of docs) {
      expect(row.firstPaint.blockingDownloadsMs, row.path).toBeGreaterThanOrEqual(low - 30)
      expect(row.firstPaint.blockingDownloadsMs, row.path).toBeLessThanOrEqual(high + 30)
    }
  })

  it("the main thread's part is zero on most docs pages", () => {
    expect(docs.filter((row) => row.firstPaint.mainThreadMs === 0).length).toBeGreaterThan(docs.length / 2)
  })

  it("the HTML's part alone ends later than the bare page's by more than the goal allows, on every docs page", () => {
    const allowance = paintAllowanceMs(bareReference(bare).fcpMs)
    const bareHtml = Math.min(...bareParts('htmlMs'))
    for (const row of docs) expect(row.firstPaint.htmlMs - bareHtml, row.path).toBeGreaterThan(allowance)
  })

  it('no docs page paints first within the goal', () => {
    for (const row of docs) expect(row.vsBare.fcpRatio, row.path).toBeGreaterThan(QUALITY_GOALS.paintOverBare)
  })

  it('the goal allows less than one round trip over the bare page', () => {
    expect(paintAllowanceMs(bareReference(bare).fcpMs)).toBeLessThan(network.rttMs)
  })
})

it("every docs page's desktop score is within a point of the bare page's", () => {
  const docs = pageQuality.rows.filter((row) => row.formFactor === 'desktop' && row.kind === 'docs')
  expect(docs.length).toBeGreaterThan(5)
  for (const row of docs) expect(row.vsBare.performance, row.path).toBeGreaterThanOrEqual(-1)
})
