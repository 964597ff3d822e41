// 1. Proxy overhead: the same API call (the goals list, page 1) straight to
// the API with a bearer token and through /api/proxy with the session cookie,
// at 1 and 10 connections. Direct and proxied runs alternate within one
// process run, so a machine that slows down mid-run slows both.
import { registerThroughBff } from './bff-client'
import { measureLoad, median, round, type LoadRun } from './measure-load'

export type ProxyOverheadOptions = { baseUrl: string; apiUrl: string; seconds: number; rounds: number; connections: number[] }

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

export async function measureProxyOverhead({ baseUrl, apiUrl, seconds, rounds, connections }: ProxyOverheadOptions): Promise<ProxyOverheadResult[]> {
  const jar = await registerThroughBff(baseUrl, `bench-proxy-${Date.now()}@example.com`)
  const token = jar.get('bff.access')
  if (!token) throw new Error('registering gave no access cookie')
  const direct = { url: `${apiUrl}/api/${QUERY}`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }
  const proxied = { url: `${baseUrl}/api/proxy/${QUERY}`, headers: { cookie: jar.header(), accept: 'application/json' } }
  // The same route without the cookie: everything a proxied request costs except the hop to the API.
  const refused = { url: proxied.url, headers: { accept: 'application/json' }, expectStatus: 401 }

  const results: ProxyOverheadResult[] = []
  for (const n of connections) {
    // Warm both paths (JIT, connection pools) before anything counts.
    for (const target of [direct, proxied]) await measureLoad({ ...target, connections: n, seconds: 1 })
    const runs = { direct: [] as LoadRun[], proxied: [] as LoadRun[], refused: [] as LoadRun[] }
    const targets = { direct, proxied, refused }
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so neither always runs on the warmer machine.
      const order: (keyof typeof targets)[] = round % 2 ? ['proxied', 'direct'] : ['direct', 'proxied']
      if (n === 1) order.push('refused')
      for (const which of order) runs[which].push(await measureLoad({ ...targets[which], connections: n, seconds }))
    }
    const summary = (list: LoadRun[]) => ({ p50: round(median(list.map((r) => r.p50)), 3), p99: round(median(list.map((r) => r.p99)), 3), rps: round(median(list.map((r) => r.rps)), 1) })
    const d = summary(runs.direct)
    const p = summary(runs.proxied)
    results.push({
      request: `GET /api/${QUERY}`,
      connections: n,
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
    })
  }
  return results
}
