// 1. Proxy overhead: the same API call (the goals list, page 1) straight to
// the API with a bearer token and through /api/proxy with the session cookie,
// at 1 and 10 connections, for each API (the in-site mock, the .NET API).
// Direct and proxied runs of every API take turns within one process run, so
// a machine that slows down mid-run slows them all.
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
  direct: { p50: number; p99: number; rps: number }
  proxied: { p50: number; p99: number; rps: number }
  addedP50Ms: number
  addedP99Ms: number
  addedP50RelativeToDirect: number
  throughputRatio: number
  /** At 1 connection: a request the proxy route refuses before the hop (no cookie, 401). Its p50 is the floor of the added latency. */
  refusedBeforeHop?: { p50: number; p99: number; rps: number }
  errors: number
  runs: { direct: LoadRun[]; proxied: LoadRun[]; refused?: LoadRun[] }
}

const QUERY = 'goals?page=1&pageSize=10'

export async function measureProxyOverhead({ targets, seconds, rounds, connections }: ProxyOverheadOptions): Promise<Partial<Record<ApiName, ProxyOverheadResult[]>>> {
  const paths = await Promise.all(targets.map((target) => requestsFor(target)))
  const results: Partial<Record<ApiName, ProxyOverheadResult[]>> = {}
  for (const n of connections) {
    // Warm every path (JIT, connection pools) before anything counts.
    for (const { direct, proxied } of paths) for (const target of [direct, proxied]) await measureLoad({ ...target, connections: n, seconds: 1 })
    const runs = paths.map(() => ({ direct: [] as LoadRun[], proxied: [] as LoadRun[], refused: [] as LoadRun[] }))
    for (let round = 0; round < rounds; round++) {
      // Alternate which API and which path go first, so none always runs on the warmer machine.
      const apiOrder = round % 2 ? [...paths.keys()].reverse() : [...paths.keys()]
      for (const i of apiOrder) {
        const order: ('direct' | 'proxied' | 'refused')[] = round % 2 ? ['proxied', 'direct'] : ['direct', 'proxied']
        if (n === 1) order.push('refused')
        for (const which of order) runs[i][which].push(await measureLoad({ ...paths[i][which], connections: n, seconds }))
      }
    }
    targets.forEach((target, i) => (results[target.api] ??= []).push(summarise(runs[i], n, rounds, seconds)))
  }
  return results
}

/** The three requests of one API: direct with the bearer token, proxied with the cookie, and refused before the hop. */
async function requestsFor({ api, baseUrl, apiUrl }: ProxyTarget) {
  const jar = await registerThroughBff(baseUrl, `bench-proxy-${api}-${Date.now()}@example.com`)
  const token = jar.get('bff.access')
  if (!token) throw new Error(`registering through the ${api} site gave no access cookie`)
  const direct = { url: `${apiUrl}/api/${QUERY}`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }
  const proxied = { url: `${baseUrl}/api/proxy/${QUERY}`, headers: { cookie: jar.header(), accept: 'application/json' } }
  // The same route without the cookie: everything a proxied request costs except the hop to the API.
  const refused = { url: proxied.url, headers: { accept: 'application/json' }, expectStatus: 401 }
  return { direct, proxied, refused }
}

function summarise(runs: { direct: LoadRun[]; proxied: LoadRun[]; refused: LoadRun[] }, connections: number, rounds: number, seconds: number): ProxyOverheadResult {
  const summary = (list: LoadRun[]) => ({ p50: round(median(list.map((r) => r.p50)), 3), p99: round(median(list.map((r) => r.p99)), 3), rps: round(median(list.map((r) => r.rps)), 1) })
  const d = summary(runs.direct)
  const p = summary(runs.proxied)
  return {
    request: `GET /api/${QUERY}`,
    connections,
    rounds,
    secondsPerRun: seconds,
    direct: d,
    proxied: p,
    addedP50Ms: round(p.p50 - d.p50, 3),
    addedP99Ms: round(p.p99 - d.p99, 3),
    addedP50RelativeToDirect: round((p.p50 - d.p50) / d.p50, 3),
    throughputRatio: round(p.rps / d.rps, 3),
    refusedBeforeHop: runs.refused.length ? summary(runs.refused) : undefined,
    errors: [...runs.direct, ...runs.proxied, ...runs.refused].reduce((sum, r) => sum + r.errors, 0),
    runs: runs.refused.length ? runs : { direct: runs.direct, proxied: runs.proxied },
  }
}
