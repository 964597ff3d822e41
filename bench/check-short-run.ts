// The CI check on a short run. Shared machines are noisy and other jobs run
// beside this one, so it compares ratios measured back to back in one run,
// never absolute times. Most thresholds are loose enough for noise but tight
// enough to catch a real regression (a proxy three times slower fails both);
// the one against the naive proxy is the goal itself.
import { PROXY_GOALS } from './goals'
import type { ApiName, ProxyOverheadResult } from './proxy-overhead'
import type { UploadPathResult } from './upload-path'

export const SHORT_RUN_THRESHOLDS = {
  /** Proxied ÷ direct requests per second at 10 connections. About 0.5 is the ceiling (two request handlings). */
  minThroughputRatio: 0.3,
  /** (Proxied p50 − direct p50) ÷ direct p50 at 1 connection. */
  maxAddedP50RelativeToDirect: 2,
  /**
   * This site's proxy ÷ the naive proxy (cookies() and fetch), the median of
   * each round's ratio, at 1 and at 10 connections: the full run's goal, with
   * no margin. The ratio of the two medians, used before, swung from 0.62 to
   * 4.8 on a machine shared with five other jobs, because one path's req/s
   * varied by more than 2× from round to round; pairing the rounds takes that
   * drift out of each ratio. In five fresh-clone CI runs on an otherwise idle
   * 2-core machine, each round's own ratio was 1.01 at its lowest, and the
   * medians 1.15 to 1.60. Paired rounds on a machine as busy as that shared
   * one have not been measured.
   */
  minSiteOverNaiveThroughput: PROXY_GOALS.minSiteOverNaiveThroughput,
  /**
   * Direct ÷ proxied MiB/s for one large file. Direct skips a whole hop, so it
   * should be the faster; only a direct path at half the relay's speed, an
   * inversion no noise explains, fails.
   */
  minUploadThroughputRatio: 0.5,
}

export function checkShortRun(result: Record<string, unknown>): string[] {
  const failures: string[] = []
  // The short run measures the mock only (see run-bench.ts).
  const proxy = (result.proxyOverhead as Partial<Record<ApiName, ProxyOverheadResult[]>> | undefined)?.mock
  if (!proxy) return failures
  for (const row of proxy) {
    if (row.errors) failures.push(`proxy overhead at ${row.connections} connection(s): ${row.errors} failed requests`)
  }
  const one = proxy.find((row) => row.connections === 1)
  const ten = proxy.find((row) => row.connections === 10)
  const t = SHORT_RUN_THRESHOLDS
  if (ten && ten.throughputRatio < t.minThroughputRatio) {
    failures.push(`proxy throughput ratio at 10 connections is ${ten.throughputRatio}, below ${t.minThroughputRatio} (direct ${ten.direct.rps} req/s, proxied ${ten.proxied.rps} req/s)`)
  }
  if (one && one.addedP50RelativeToDirect > t.maxAddedP50RelativeToDirect) {
    failures.push(`proxy adds ${one.addedP50Ms} ms at p50 with 1 connection, ${one.addedP50RelativeToDirect}× the direct p50 of ${one.direct.p50} ms (limit ${t.maxAddedP50RelativeToDirect}×)`)
  }
  for (const row of proxy) {
    // The short run always measures the naive arm: a row without it is a broken benchmark, not a pass.
    if (!row.naive || row.siteOverNaiveThroughput === undefined) failures.push(`proxy overhead at ${row.connections} connection(s): the naive proxy was not measured`)
    else if (row.siteOverNaiveThroughput < t.minSiteOverNaiveThroughput) {
      failures.push(
        `this site's proxy at ${row.connections} connection(s) served ${row.proxied.rps} req/s against the naive proxy's ${row.naive.rps}: ` +
          `a ratio of ${row.siteOverNaiveThroughput}, below ${t.minSiteOverNaiveThroughput}`,
      )
    }
  }
  failures.push(...checkUploadPath(result))
  return failures
}

/** The short run's upload check; the run fails on failed uploads anyway (run-bench.ts). */
export function checkUploadPath(result: Record<string, unknown>): string[] {
  const upload = (result.uploadPath as Partial<Record<ApiName, UploadPathResult>> | undefined)?.mock
  const ratio = upload?.throughputRatio
  if (!upload || ratio === null || ratio === undefined || ratio >= SHORT_RUN_THRESHOLDS.minUploadThroughputRatio) return []
  return [
    `the direct upload ran at ${upload.direct.medianMiBps} MiB/s and the one through the BFF at ${upload.proxied.medianMiBps} MiB/s: ` +
      `a ratio of ${ratio}, below ${SHORT_RUN_THRESHOLDS.minUploadThroughputRatio}`,
  ]
}
