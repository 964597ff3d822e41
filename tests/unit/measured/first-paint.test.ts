import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SIMULATED_NETWORKS, simulatedRoundTrips, type FormFactor } from '@/bench/compare-with-bare'
import type { PageQuality } from '@/bench/page-quality'

// The Measured page names the HTML's round trips as one reason first paint lags: on each of
// Lighthouse's simulated networks the bare page's HTML arrives in one, every
// docs page's in two or more. This holds that sentence to the published run.
const { pageQuality } = JSON.parse(readFileSync('bench/results.json', 'utf8')) as { pageQuality: PageQuality }

describe.each(['mobile', 'desktop'] as FormFactor[])("the published run's HTML on the simulated %s network", (formFactor) => {
  const roundTrips = (bytes: number) => simulatedRoundTrips(bytes, SIMULATED_NETWORKS[formFactor])

  it('the bare page arrives in one round trip', () => {
    const bare = pageQuality.bare.runs.filter((run) => run.formFactor === formFactor)
    expect(bare.length).toBeGreaterThan(0)
    for (const run of bare) expect(roundTrips(run.weight.htmlTransferBytes), `bare, ${run.turn} run`).toBe(1)
  })

  it('every docs page takes at least two', () => {
    const docs = pageQuality.rows.filter((row) => row.formFactor === formFactor && row.kind === 'docs')
    expect(docs.length).toBeGreaterThan(5)
    for (const row of docs) expect(roundTrips(row.weight.htmlTransferBytes), row.path).toBeGreaterThanOrEqual(2)
  })
})
