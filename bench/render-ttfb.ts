// 2. Server render of the goals demo: time to first byte, warm, signed in.
// Covers proxy.ts, the DAL, the server-to-server call and dehydrating the
// query cache into the HTML. Requests go one at a time, so this is latency
// on an otherwise idle server, not latency under load.
import { Agent, request } from 'node:http'
import { registerThroughBff } from './bff-client'
import { percentiles, round } from './measure-load'

export type RenderTtfbResult = { path: string; requests: number; warmup: number; p50: number; p99: number; fullResponseP50: number; htmlBytes: number }

export async function measureRenderTtfb({ baseUrl, requests, path = '/demo/goals' }: { baseUrl: string; requests: number; path?: string }): Promise<RenderTtfbResult> {
  const jar = await registerThroughBff(baseUrl, `bench-ttfb-${Date.now()}@example.com`)
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const warmup = 20
  const ttfb: number[] = []
  const full: number[] = []
  let htmlBytes = 0
  try {
    for (let i = 0; i < warmup + requests; i++) {
      const timing = await timeRequest(`${baseUrl}${path}`, { cookie: jar.header(), accept: 'text/html' }, agent)
      // A redirect to sign-in would be fast and wrong: only the real page counts.
      if (timing.status !== 200 || !timing.body.includes('data-testid="goal-list"')) {
        throw new Error(`${path} answered ${timing.status} without the goal list: the session is not valid`)
      }
      if (i < warmup) continue
      ttfb.push(timing.firstByteMs)
      full.push(timing.totalMs)
      htmlBytes = timing.body.length
    }
  } finally {
    agent.destroy()
  }
  return { path, requests, warmup, ...percentiles(ttfb), fullResponseP50: percentiles(full).p50, htmlBytes }
}

function timeRequest(url: string, headers: Record<string, string>, agent: Agent) {
  const started = performance.now()
  return new Promise<{ status: number; firstByteMs: number; totalMs: number; body: string }>((resolve, reject) => {
    const req = request(url, { headers, agent }, (res) => {
      let firstByteMs = NaN
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => {
        // The first body chunk, not the headers: Next can send headers before the render starts streaming.
        if (Number.isNaN(firstByteMs)) firstByteMs = round(performance.now() - started, 3)
        chunks.push(chunk)
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, firstByteMs, totalMs: round(performance.now() - started, 3), body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
