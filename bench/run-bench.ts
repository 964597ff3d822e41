// `npm run bench`: the full suite, written to bench/results.json (committed;
// the "Measured" docs page renders it). `npm run bench:ci` (--short): a few
// seconds per measurement against the build the e2e run made, ratios checked
// against loose thresholds, written to reports/bench-short.json.
//   npm run bench -- --only proxy,ttfb     run some measurements (written to reports/bench-partial.json)
//   npm run bench -- --out some/file.json  write elsewhere
//   npm run bench -- --no-page             skip rebuilding the site (the Measured page) afterwards
import { spawnSync } from 'node:child_process'
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
    'no-page': { type: 'boolean', default: false },
  },
})
const short = values.short!
const only = new Set(values.only ? values.only.split(',') : short ? ['proxy', 'bundle'] : ALL)
// Only a full run of everything replaces the published results.
const out = values.out ?? (short ? 'reports/bench-short.json' : values.only ? 'reports/bench-partial.json' : 'bench/results.json')

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
  // The Measured page reads the results when the site is built, so rebuild it to show them.
  if (out === 'bench/results.json' && !values['no-page']) {
    console.log('Rebuilding the site so the Measured page shows these results')
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env }).status !== 0) throw new Error('npm run build failed')
  }

  const failures = short ? checkShortRun(result) : []
  // Wrong data is a bug whatever the machine: any run fails on it.
  const integrity = (result.loadIntegrity as { integrity?: { missingOrWrong: number; foreignGoalsSeen: number } } | undefined)?.integrity
  if (integrity?.missingOrWrong) failures.push(`load: ${integrity.missingOrWrong} acknowledged writes missing or wrong at the end`)
  if (integrity?.foreignGoalsSeen) failures.push(`load: ${integrity.foreignGoalsSeen} goals seen by a user they do not belong to`)
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
