import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { RunningServer } from '@/mocks/http-server'
import { startSpiedApi, type Arrival } from '../proxy/proxy-test-kit'

/**
 * The setup of a benchmark-only route's tests (the naive proxy, the upload
 * relay): the mock .NET API on a real port with a spy on what reaches it, the
 * route imported once DOTNET_API_URL names that API, and the route's gate
 * (`gateEnv`, as the benchmark's server sets it) open for each test only.
 */
export function setUpGatedBenchRoute<Route>(importRoute: () => Promise<Route>, gateEnv: string) {
  const bench = {} as { api: RunningServer; arrivals: Arrival[]; token: string; route: Route }
  beforeAll(async () => {
    const { server, arrivals, token } = await startSpiedApi()
    Object.assign(bench, { api: server, arrivals, token })
    process.env.DOTNET_API_URL = server.url
    bench.route = await importRoute()
  })
  afterAll(() => bench.api.close())
  beforeEach(() => {
    bench.arrivals.length = 0
    process.env[gateEnv] = '1'
  })
  afterEach(() => {
    delete process.env[gateEnv]
  })
  return bench
}
