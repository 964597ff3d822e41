// The CI check on a short run. Shared machines are noisy and other jobs run
// beside this one, so it compares ratios measured back to back in one run,
// never absolute times, with thresholds loose enough for noise but tight
// enough to catch a real regression (a proxy three times slower fails both).
import type { ApiName, ProxyOverheadResult } from './proxy-overhead'

export const SHORT_RUN_THRESHOLDS = {
  /** Proxied ÷ direct requests per second at 10 connections. About 0.5 is the ceiling (two request handlings). */
  minThroughputRatio: 0.3,
  /** (Proxied p50 − direct p50) ÷ direct p50 at 1 connection. */
  maxAddedP50RelativeToDirect: 2,
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
  return failures
}
