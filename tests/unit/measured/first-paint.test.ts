import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bareReference, paintAllowanceMs, QUALITY_GOALS, SIMULATED_NETWORKS, simulatedRoundTrips, type FormFactor } from '@/bench/compare-with-bare'
import type { PageQuality } from '@/bench/page-quality'

// The Measured page explains where the docs pages' first paint loses time
// against the bare page's: round trips of Lighthouse's simulated network, for
// the HTML and, when the HTML fits in one, for the stylesheet. This holds each
// of those sentences to the published run, and what it says of the scores:
// all but one docs page at the bare score on desktop, some above and some below on the phone.
const { pageQuality } = JSON.parse(readFileSync('bench/results.json', 'utf8')) as { pageQuality: PageQuality }
const bareRuns = (formFactor: FormFactor) => pageQuality.bare.runs.filter((run) => run.formFactor === formFactor)
const docsRows = (formFactor: FormFactor) => pageQuality.rows.filter((row) => row.formFactor === formFactor && row.kind === 'docs')

describe.each(['mobile', 'desktop'] as FormFactor[])("the published run's first paint on the simulated %s network", (formFactor) => {
  const network = SIMULATED_NETWORKS[formFactor]
  const roundTrips = (bytes: number) => simulatedRoundTrips(bytes, network)
  const bare = bareRuns(formFactor)
  const docs = docsRows(formFactor)
  const bareParts = (key: keyof PageQuality['rows'][number]['firstPaint']) => bare.map((run) => run.firstPaint[key])

  it('was measured on the bare page and on the docs pages', () => {
    expect(bare.length).toBeGreaterThan(0)
    expect(docs.length).toBeGreaterThan(5)
  })

  const allowance = () => paintAllowanceMs(bareReference(bare).fcpMs)
  const multiTrip = () => docs.filter((row) => roundTrips(row.weight.htmlTransferBytes) >= 2)
  const oneTrip = () => docs.filter((row) => roundTrips(row.weight.htmlTransferBytes) === 1)

  it("the bare page's HTML arrives in one round trip, almost every docs page's in two or more", () => {
    for (const run of bare) expect(roundTrips(run.weight.htmlTransferBytes), `bare, ${run.turn} run`).toBe(1)
    expect(oneTrip().length).toBeLessThanOrEqual(2)
  })

  it("the main thread's part is zero on most docs pages", () => {
    expect(docs.filter((row) => row.firstPaint.mainThreadMs === 0).length).toBeGreaterThan(docs.length / 2)
  })

  it("where the HTML takes two or more round trips, its part alone ends later than the bare page's by more than the goal allows", () => {
    const bareHtml = Math.min(...bareParts('htmlMs'))
    for (const row of multiTrip()) expect(row.firstPaint.htmlMs - bareHtml, row.path).toBeGreaterThan(allowance())
  })

  it(`of those pages, ${formFactor === 'desktop' ? 'one still meets the goal, with a shorter stylesheet part than the bare page\'s' : 'none meets the goal'}`, () => {
    const meeting = multiTrip().filter((row) => row.vsBare.fcpRatio <= QUALITY_GOALS.paintOverBare)
    expect(meeting.length).toBe(formFactor === 'desktop' ? 1 : 0)
    for (const row of meeting) expect(row.firstPaint.blockingDownloadsMs, row.path).toBeLessThan(Math.min(...bareParts('blockingDownloadsMs')))
  })

  it("the site's stylesheet needs more than one round trip, the bare page's one", () => {
    for (const run of bare) expect(roundTrips(run.weight.renderBlockingCss.transferBytes), `bare, ${run.turn} run`).toBe(1)
    for (const row of docs) expect(roundTrips(row.weight.renderBlockingCss.transferBytes), row.path).toBeGreaterThanOrEqual(2)
  })

  it("where the HTML fits in one round trip, the stylesheet's part is longer than the bare page's by more than the goal allows", () => {
    const bareStylesheet = Math.min(...bareParts('blockingDownloadsMs'))
    for (const row of oneTrip()) expect(row.firstPaint.blockingDownloadsMs - bareStylesheet, row.path).toBeGreaterThan(allowance())
  })

  it('the goal allows less than one round trip over the bare page', () => {
    expect(paintAllowanceMs(bareReference(bare).fcpMs)).toBeLessThan(network.rttMs)
  })
})

it("on desktop every docs page but /refresh-token-rotation reaches the bare page's score; that one is two below, with the run's highest blocking time", () => {
  const docs = docsRows('desktop')
  expect(docs.length).toBeGreaterThan(5)
  const below = docs.filter((row) => row.vsBare.performance < 0)
  expect(below.map((row) => [row.path, row.vsBare.performance])).toEqual([['/refresh-token-rotation', -2]])
  expect(Math.max(...docs.map((row) => row.metrics.tbtMs))).toBe(below[0].metrics.tbtMs)
})

it("on the simulated phone some docs pages reach the bare page's score and some fall below it", () => {
  const bare = bareReference(bareRuns('mobile'))
  const docs = docsRows('mobile')
  expect(docs.some((row) => row.scores.performance >= bare.performance)).toBe(true)
  expect(docs.some((row) => row.scores.performance < bare.performance)).toBe(true)
})
