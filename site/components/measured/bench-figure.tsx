import { bareReference, paintAllowanceMs, type FormFactor } from '@/bench/compare-with-bare'
import { readBenchResults, type BenchResults } from '@/site/lib/measured/read-bench-results'
import { kib } from './format-figure'

/** The bare page's reference first paint on a form factor, in whole ms. */
function bareFcp(r: BenchResults, formFactor: FormFactor): number | undefined {
  const runs = r.pageQuality?.bare.runs.filter((run) => run.formFactor === formFactor)
  return runs?.length ? bareReference(runs).fcpMs : undefined
}
/** How much later than the bare page's a docs page may paint first and still meet the goal. */
function fcpAllowance(r: BenchResults, formFactor: FormFactor): number | undefined {
  const fcp = bareFcp(r, formFactor)
  return fcp === undefined ? undefined : Math.round(paintAllowanceMs(fcp))
}
const inMs = (value: number | undefined) => (value === undefined ? undefined : `${value} ms`)

/** The figures the Measured page's prose quotes, each read from bench/results.json. */
const FIGURES = {
  cpus: (r: BenchResults) => String(r.machine.cpus),
  'proxy-connections': (r: BenchResults) => {
    const counts = [...new Set(Object.values(r.proxyOverhead ?? {}).flatMap((rows) => rows?.map((row) => row.connections) ?? []))]
    return counts.length ? `${counts.slice(0, -1).join(', ')}${counts.length > 1 ? ' and then ' : ''}${counts.at(-1)}` : undefined
  },
  'ttfb-warmup': (r: BenchResults) => r.renderTtfb && String(r.renderTtfb.warmup),
  lighthouse: (r: BenchResults) => r.pageQuality?.lighthouse,
  'bundle-over-bare-limit': (r: BenchResults) => r.bundleBudgets && kib(r.bundleBudgets.overBareLimitBytes),
  'bare-first-load': (r: BenchResults) => r.bundleBudgets && kib(r.bundleBudgets.bare.gzipBytes),
  'bare-fcp-mobile': (r: BenchResults) => inMs(bareFcp(r, 'mobile')),
  'bare-fcp-desktop': (r: BenchResults) => inMs(bareFcp(r, 'desktop')),
  'fcp-allowance-mobile': (r: BenchResults) => inMs(fcpAllowance(r, 'mobile')),
  'fcp-allowance-desktop': (r: BenchResults) => inMs(fcpAllowance(r, 'desktop')),
} satisfies Record<string, (r: BenchResults) => string | undefined>

/**
 * One figure inside a sentence, so the prose cannot drift from the run. With
 * no results at all the page says "not measured yet" everywhere; results
 * without a figure the prose quotes fail the build, since the sentence
 * around it would be wrong.
 */
export function BenchFigure({ of }: { of: keyof typeof FIGURES }) {
  const results = readBenchResults()
  if (!results) return <>(not measured)</>
  const figure = FIGURES[of](results)
  if (!figure) throw new Error(`bench/results.json has no figure for "${of}", which content/measured.mdx quotes`)
  return <>{figure}</>
}
