// `npm run bench`: the full suite, written to bench/results.json (committed;
// the "Measured" docs page renders it). `npm run bench:ci` (--short): a few
// seconds per measurement against the build the e2e run made, ratios checked
// against loose thresholds, written to reports/bench-short.json.
//   npm run bench -- --only proxy,ttfb     run some measurements
//   npm run bench -- --out some/file.json  write elsewhere
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { closeClient } from './bff-client'
import { ensureBuild, startServer } from './bench-server'
import { checkBundleBudgets } from './bundle-budgets'
import { checkShortRun } from './check-short-run'
import { measureLoadIntegrity } from './load-integrity'
import { measurePageQuality } from './page-quality'
import { measureProxyOverhead } from './proxy-overhead'
import { measureRenderTtfb } from './render-ttfb'

const ALL = ['proxy', 'ttfb', 'load', 'quality', 'bundle'] as const

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    users: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
  },
})
const short = values.short!
const only = new Set(values.only ? values.only.split(',') : short ? ['proxy', 'bundle'] : ALL)
const out = values.out ?? (short ? 'reports/bench-short.json' : 'bench/results.json')

async function main() {
  ensureBuild()
  const result: Record<string, unknown> = { ...machine(), mode: short ? 'short' : 'full' }
  const server = await startServer()
  try {
    const apiUrl = process.env.DOTNET_API_URL?.replace(/\/+$/, '') || `${server.url}/dotnet`
    console.log(`Benchmarking ${server.url} (pid ${server.pid}), API at ${apiUrl}`)
    if (only.has('proxy')) {
      const options = short ? { seconds: 3, rounds: 2 } : { seconds: 10, rounds: 3 }
      result.proxyOverhead = await measureProxyOverhead({ baseUrl: server.url, apiUrl, connections: [1, 10], ...options })
      log('proxy overhead', result.proxyOverhead)
    }
    if (only.has('ttfb')) {
      result.renderTtfb = await measureRenderTtfb({ baseUrl: server.url, requests: short ? 50 : 300 })
      log('render TTFB', result.renderTtfb)
    }
    if (only.has('load')) {
      result.loadIntegrity = await measureLoadIntegrity({ server, users: Number(values.users), seconds: Number(values.seconds) })
      log('load with integrity', result.loadIntegrity)
    }
    if (only.has('quality')) {
      result.pageQuality = await measurePageQuality({ baseUrl: server.url })
      log('page quality', result.pageQuality)
    }
  } finally {
    closeClient()
    await server.stop()
  }
  if (only.has('bundle')) {
    result.bundleBudgets = checkBundleBudgets()
    log('bundle budgets', result.bundleBudgets)
  }
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`)
  console.log(`Wrote ${out}`)

  const failures = short ? checkShortRun(result) : []
  const budget = result.bundleBudgets as { failures: string[] } | undefined
  failures.push(...(budget?.failures ?? []))
  if (failures.length) {
    console.error(`\nBenchmark checks failed:\n- ${failures.join('\n- ')}`)
    process.exitCode = 1
  }
}

function machine() {
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
  }
}

function log(title: string, value: unknown) {
  console.log(`\n## ${title}\n${JSON.stringify(value, (key, v) => (key === 'runs' ? undefined : v), 2)}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
