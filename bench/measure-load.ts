// One autocannon run with the latency of every response kept at full
// precision: autocannon's own histogram rounds to whole milliseconds, too
// coarse for a proxy whose cost is a fraction of one.
import autocannon from 'autocannon'

export type LoadRun = { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number }

export type LoadTarget = { url: string; headers: Record<string, string>; connections: number; seconds: number; expectStatus?: number }

export async function measureLoad({ url, headers, connections, seconds, expectStatus }: LoadTarget): Promise<LoadRun> {
  const latencies: number[] = []
  let errors = 0
  const started = performance.now()
  const instance = autocannon({ url, headers, connections, duration: seconds, pipelining: 1 })
  // The types describe the promise; the same object is also the run's event emitter.
  ;(instance as unknown as autocannon.Instance).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (expectStatus ? status === expectStatus : status >= 200 && status < 300) latencies.push(ms)
    else errors++
  })
  const result = await instance
  const elapsed = (performance.now() - started) / 1000
  errors += result.errors + result.timeouts
  return { requests: latencies.length, errors, seconds: round(elapsed), rps: round(latencies.length / elapsed), ...percentiles(latencies) }
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN)
  return { p50: round(at(0.5), 3), p99: round(at(0.99), 3) }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
