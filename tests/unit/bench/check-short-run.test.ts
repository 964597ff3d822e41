import { describe, expect, it } from 'vitest'
import { checkShortRun, SHORT_RUN_THRESHOLDS } from '@/bench/check-short-run'
import type { ProxyOverheadResult } from '@/bench/proxy-overhead'

/** A short run's proxy row that passes every other check, with this site's and the naive proxy's req/s. */
function row(connections: number, site: number, naive: number | undefined): ProxyOverheadResult {
  const figures = (rps: number) => ({ p50: 1, p99: 2, rps })
  return {
    request: 'GET /api/goals?page=1&pageSize=10',
    connections,
    rounds: 3,
    secondsPerRun: 2,
    direct: figures(site * 2),
    ...(naive === undefined ? {} : { naive: figures(naive), siteOverNaiveThroughput: Math.round((site / naive) * 1000) / 1000 }),
    proxied: figures(site),
    addedP50Ms: 0,
    addedP99Ms: 0,
    addedP50RelativeToDirect: 0,
    throughputRatio: 0.5,
    errors: 0,
    runs: { direct: [], proxied: [] },
  }
}

const check = (...rows: ProxyOverheadResult[]) => checkShortRun({ proxyOverhead: { mock: rows } })

describe('the short run against the naive proxy', () => {
  const floor = SHORT_RUN_THRESHOLDS.minSiteOverNaiveThroughput

  it('passes with this site ahead, and at its margin exactly', () => {
    expect(check(row(1, 130, 100), row(10, 120, 100))).toEqual([])
    expect(check(row(1, floor * 1000, 1000), row(10, floor * 1000, 1000))).toEqual([])
  })

  it('fails just under the margin, at either connection count, naming the figures', () => {
    const below = (floor - 0.002) * 1000
    const failures = check(row(1, 130, 100), row(10, below, 1000))
    expect(failures).toHaveLength(1)
    expect(failures[0]).toContain('10 connection(s)')
    expect(failures[0]).toContain(`${below} req/s against the naive proxy's 1000`)
    expect(check(row(1, below, 1000), row(10, 130, 100))).toHaveLength(1)
  })

  it('fails a run whose rows lack the naive proxy instead of passing it unchecked', () => {
    expect(check(row(1, 130, undefined), row(10, 130, 100))).toEqual(['proxy overhead at 1 connection(s): the naive proxy was not measured'])
  })
})
