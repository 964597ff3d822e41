// 1. Proxy overhead: the same API call (the goals list, page 1) straight to
// the API with a bearer token, through the naive proxy tutorials show
// (/api/bench/naive-proxy, site/lib/bench/naive-proxy.ts) and through this
// site's /api/proxy, both with the session cookie, at 1 and 10 connections,
// for each API (the in-site mock, the .NET API). The three take turns within
// one process run, in an order that rotates each round, so a machine that
// slows down mid-run slows them all alike.
import os from 'node:os'
import { registerThroughBff } from './bff-client'
import { measureLoad, median, round, type LoadRun } from './measure-load'

/** The two APIs the benchmark measures: the in-site TypeScript mock and the ASP.NET Core API in dotnet/. */
export type ApiName = 'mock' | 'dotnet'

/** One API behind its own site server: `baseUrl` is the site (the BFF), `apiUrl` the API it calls. */
export type ProxyTarget = { api: ApiName; baseUrl: string; apiUrl: string }

export type ProxyOverheadOptions = { targets: ProxyTarget[]; seconds: number; rounds: number; connections: number[] }

export type ProxyOverheadResult = {
  request: string
  connections: number
  rounds: number
  secondsPerRun: number
  direct: Figures
  /** The naive proxy (cookies() and fetch, the body read whole); absent from runs before it was measured. */
  naive?: Figures
  proxied: Figures
  addedP50Ms: number
  addedP99Ms: number
  addedP50RelativeToDirect: number
  throughputRatio: number
  /**
   * This site's proxy ÷ the naive proxy, requests per second: above 1, this
   * site's is the faster. The median of each round's own ratio: within a round
   * the two run back to back, so a machine that slows down between rounds
   * moves both sides of a ratio, not one.
   */
  siteOverNaiveThroughput?: number
  /** At 1 connection: a request the proxy route refuses before the hop (no cookie, 401). Its p50 is the floor of the added latency. */
  refusedBeforeHop?: Figures
  errors: number
  /** When the rounds at this connection count started: a merged section keeps its own, apart from the full run's. */
  loadAverageAtStart?: number[]
  runs: { direct: LoadRun[]; naive?: LoadRun[]; proxied: LoadRun[]; refused?: LoadRun[] }
}

/** Medians over the rounds. */
export type Figures = { p50: number; p99: number; rps: number }

/** The arms every round measures, in the order of the first round; later rounds rotate it. */
const ARMS = ['direct', 'naive', 'proxied'] as const
type Arm = (typeof ARMS)[number] | 'refused'

const QUERY = 'goals?page=1&pageSize=10'

export async function measureProxyOverhead({ targets, seconds, rounds, connections }: ProxyOverheadOptions): Promise<Partial<Record<ApiName, ProxyOverheadResult[]>>> {
  const paths = await Promise.all(targets.map((target) => requestsFor(target)))
  const results: Partial<Record<ApiName, ProxyOverheadResult[]>> = {}
  for (const n of connections) {
    const loadAverageAtStart = os.loadavg().map((load) => round(load))
    // Warm every path (JIT, connection pools) before anything counts.
    for (const requests of paths) for (const arm of ARMS) await measureLoad({ ...requests[arm], connections: n, seconds: 1 })
    const runs = paths.map((): Record<Arm, LoadRun[]> => ({ direct: [], naive: [], proxied: [], refused: [] }))
    for (let round = 0; round < rounds; round++) {
      // Alternate which API goes first and rotate which path does, so none always runs on the warmer machine.
      const apiOrder = round % 2 ? [...paths.keys()].reverse() : [...paths.keys()]
      for (const i of apiOrder) {
        const order: Arm[] = ARMS.map((_, k) => ARMS[(k + round) % ARMS.length])
        if (n === 1) order.push('refused')
        for (const which of order) runs[i][which].push(await measureLoad({ ...paths[i][which], connections: n, seconds }))
      }
    }
    targets.forEach((target, i) => (results[target.api] ??= []).push({ ...summarise(runs[i], n, rounds, seconds), loadAverageAtStart }))
  }
  return results
}

/** The requests of one API: direct with the bearer token, through each proxy with the cookie, and refused before the hop. */
async function requestsFor({ api, baseUrl, apiUrl }: ProxyTarget) {
  const jar = await registerThroughBff(baseUrl, `bench-proxy-${api}-${Date.now()}@example.com`)
  const token = jar.get('bff.access')
  if (!token) throw new Error(`registering through the ${api} site gave no access cookie`)
  const direct = { url: `${apiUrl}/api/${QUERY}`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }
  const proxied = { url: `${baseUrl}/api/proxy/${QUERY}`, headers: { cookie: jar.header(), accept: 'application/json' } }
  const naive = { url: `${baseUrl}/api/bench/naive-proxy/${QUERY}`, headers: proxied.headers }
  // The same route without the cookie: everything a proxied request costs except the hop to the API.
  const refused = { url: proxied.url, headers: { accept: 'application/json' }, expectStatus: 401 }
  return { direct, naive, proxied, refused }
}

function summarise(runs: Record<Arm, LoadRun[]>, connections: number, rounds: number, seconds: number): ProxyOverheadResult {
  const summary = (list: LoadRun[]): Figures => ({ p50: round(median(list.map((r) => r.p50)), 3), p99: round(median(list.map((r) => r.p99)), 3), rps: round(median(list.map((r) => r.rps)), 1) })
  const d = summary(runs.direct)
  const naive = summary(runs.naive)
  const p = summary(runs.proxied)
  return {
    request: `GET /api/${QUERY}`,
    connections,
    rounds,
    secondsPerRun: seconds,
    direct: d,
    naive,
    proxied: p,
    addedP50Ms: round(p.p50 - d.p50, 3),
    addedP99Ms: round(p.p99 - d.p99, 3),
    addedP50RelativeToDirect: round((p.p50 - d.p50) / d.p50, 3),
    throughputRatio: round(p.rps / d.rps, 3),
    siteOverNaiveThroughput: round(median(runs.proxied.map((run, i) => run.rps / runs.naive[i].rps)), 3),
    refusedBeforeHop: runs.refused.length ? summary(runs.refused) : undefined,
    errors: Object.values(runs).flat().reduce((sum, r) => sum + r.errors, 0),
    runs: runs.refused.length ? runs : { direct: runs.direct, naive: runs.naive, proxied: runs.proxied },
  }
}
