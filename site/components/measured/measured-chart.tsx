import type { ApiName, ProxyOverheadResult } from '@/bench/proxy-overhead'
import { readBenchResults, type BenchResults } from '@/site/lib/measured/read-bench-results'
import { API_LABELS } from '@/site/lib/measured/bench-goals'
import { BarChart, type BarChartProps, type ChartGroup } from './bar-chart'
import { kib, ms } from './format-figure'

type Chart = 'proxy-throughput' | 'proxy-latency' | 'bundle' | 'load-steps'

/**
 * A chart of bench/results.json, drawn when the page is built. The MDX puts
 * the table with the same figures right after it.
 */
export function MeasuredChart({ chart }: { chart: Chart }) {
  const results = readBenchResults()
  const props = results && CHARTS[chart](results)
  if (!props) return null
  return (
    <figure className="bff-chart" data-testid={`chart-${chart}`}>
      <BarChart id={`chart-${chart}`} {...props} />
      <figcaption>{props.title}. The figures are in the table below.</figcaption>
    </figure>
  )
}

/** The proxy's arms in the order a reader compares them; an arm a run did not record (an older run) is left out. */
const PROXY_ARMS = [
  { key: 'direct', label: 'Direct to the API' },
  { key: 'naive', label: 'Naive proxy' },
  { key: 'proxied', label: "This site's proxy" },
] as const

const proxyGroups = (results: BenchResults, bar: (figures: { p50: number; p99: number; rps: number }) => { value: number; whisker?: number }) =>
  (Object.keys(API_LABELS) as ApiName[]).flatMap((api) =>
    (results.proxyOverhead?.[api] ?? []).map(
      (row: ProxyOverheadResult): ChartGroup => ({
        label: `${API_LABELS[api]}, ${row.connections} connection${row.connections === 1 ? '' : 's'}`,
        bars: Object.fromEntries(PROXY_ARMS.map(({ key }) => [key, row[key] ? bar(row[key]) : null])),
      }),
    ),
  )

const CHARTS: Record<Chart, (results: BenchResults) => Omit<BarChartProps, 'id'> | null> = {
  'proxy-throughput': (r) =>
    r.proxyOverhead
      ? {
          title: "Proxy benchmark: requests per second, direct, through the naive proxy and through this site's, for each API and connection count",
          series: [...PROXY_ARMS],
          groups: proxyGroups(r, (figures) => ({ value: figures.rps })),
          format: (value) => `${Math.round(value)}/s`,
          axisLabel: 'requests per second (median of the rounds; longer is better)',
        }
      : null,
  'proxy-latency': (r) =>
    r.proxyOverhead
      ? {
          title: "Proxy benchmark: latency p50 and p99, direct, through the naive proxy and through this site's, for each API and connection count",
          series: [...PROXY_ARMS],
          groups: proxyGroups(r, (figures) => ({ value: figures.p50, whisker: figures.p99 })),
          format: ms,
          tickFormat: (tick) => `${tick} ms`,
          axisLabel: 'latency: bar to p50, line to p99 (shorter is better)',
          whiskerLabel: 'p99',
        }
      : null,
  bundle: ({ bundleBudgets: b }) =>
    b
      ? {
          title: "First-load JavaScript of each page, gzip, against the bare Nextra page's and the limit over it",
          series: [{ key: 'gzip', label: 'First-load JavaScript (gzip)' }],
          groups: [
            { label: 'bare Nextra page', bars: { gzip: { value: b.bare.gzipBytes / 1024 } } },
            // The marker is the page's limit: the bare page plus the allowance, plus a demo page's own code.
            ...b.rows.map((row) => ({
              label: row.route,
              bars: { gzip: { value: row.gzipBytes / 1024 } },
              marker: (b.bare.gzipBytes + b.overBareLimitBytes + row.ownGzipBytes) / 1024,
            })),
          ],
          // Drawn in KiB, so the axis falls on round KiB.
          format: (value) => kib(value * 1024),
          tickFormat: (tick) => `${tick} KiB`,
          axisLabel: 'KiB of JavaScript before the page is interactive (shorter is better)',
          markerLabel: 'limit',
        }
      : null,
  'load-steps': ({ loadIntegrity: loads }) => {
    if (!loads) return null
    const apis = (Object.keys(API_LABELS) as ApiName[]).filter((api) => loads[api])
    const steps = Object.keys(loads[apis[0]]?.steps ?? {}) as (keyof NonNullable<typeof loads.mock>['steps'])[]
    return {
      title: 'Load run: latency of each step, p50 and p99, for each API',
      series: apis.map((api) => ({ key: api, label: API_LABELS[api] })),
      groups: steps.map((step) => ({
        label: step,
        bars: Object.fromEntries(apis.map((api) => [api, { value: loads[api]!.steps[step].p50, whisker: loads[api]!.steps[step].p99 }])),
      })),
      format: ms,
      tickFormat: (tick) => `${tick} ms`,
      axisLabel: 'latency under load: bar to p50, line to p99 (shorter is better)',
      whiskerLabel: 'p99',
    }
  },
}
