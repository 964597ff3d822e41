// `npm run bench`: the full suite, written to bench/results.json (committed;
// the "Measured" docs page renders it). The proxy and load measurements run
// against both APIs in one run: the in-site mock and the ASP.NET Core API in
// dotnet/, each behind its own server of the same build. Without the .NET SDK
// the .NET columns are recorded as not measured (with CI=true, the run fails).
// `npm run bench:ci` (--short): a few seconds per measurement against the
// build the e2e run made, the mock only, ratios checked against loose
// thresholds, written to reports/bench-short.json.
//   npm run bench -- --only proxy,ttfb     run some measurements (written to reports/bench-partial.json)
//   npm run bench -- --only upload --merge put them into bench/results.json, keeping its other sections
//   npm run bench -- --out some/file.json  write elsewhere
//   npm run bench -- --no-page             skip rebuilding the site (the Measured page) afterwards
//   npm run bench -- --only quality --pages /,/api-contract   Lighthouse on some pages (never merged)
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildBareSite, startBareSite } from './bare-site'
import { closeClient } from './bff-client'
import { ensureBuild, startServer } from './bench-server'
import { checkBundleBudgets } from './bundle-budgets'
import { checkShortRun } from './check-short-run'
import { BENCH_PBKDF2_ITERATIONS, dotnetApiSettings, dotnetSdkVersion, startDotnetSite, type DotnetApiStatus, type DotnetSite } from './dotnet-site'
import { measureLoadIntegrity, type LoadIntegrityResult } from './load-integrity'
import { measureMultiInstanceLoad, multiInstanceFailures, type MultiInstanceLoadResult } from './multi-instance-load'
import { measurePageQuality } from './page-quality'
import { measurePasswordCost } from './password-cost'
import { measureProxyOverhead, type ApiName, type ProxyTarget } from './proxy-overhead'
import { measureRenderTtfb } from './render-ttfb'
import { measureUploadPath, type UploadPathResult } from './upload-path'
import { UPLOAD_REPETITIONS } from './upload-summary'

const ALL = ['proxy', 'ttfb', 'load', 'quality', 'bundle', 'upload'] as const
/** Where each measurement goes in results.json. */
const SECTIONS: Record<(typeof ALL)[number], string> = {
  proxy: 'proxyOverhead',
  ttfb: 'renderTtfb',
  load: 'loadIntegrity',
  quality: 'pageQuality',
  bundle: 'bundleBudgets',
  upload: 'uploadPath',
}

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    users: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    'no-page': { type: 'boolean', default: false },
    merge: { type: 'boolean', default: false },
    pages: { type: 'string' },
  },
})
const short = values.short!
const only = new Set(values.only ? values.only.split(',') : short ? ['proxy', 'bundle', 'upload'] : ALL)
// Only a full run of everything replaces the published results; --merge replaces the sections it measured.
// A run on some pages only would publish a Measured page that lacks the others.
const pages = values.pages?.split(',')
const merge = values.merge! && !short && !pages
const out = values.out ?? (short ? 'reports/bench-short.json' : (values.only && !merge) || pages ? 'reports/bench-partial.json' : 'bench/results.json')

async function main() {
  const started = Date.now()
  const dotnet = dotnetApiStatus()
  ensureBuild()
  const result: Record<string, unknown> = { ...machine(), mode: short ? 'short' : 'full', dotnetApi: dotnet }
  // The bare Nextra site, built afresh before any server starts: the baseline of the page sizes and Lighthouse figures.
  const bareBuild = only.has('bundle') || only.has('quality') ? buildBareSite() : undefined
  if (bareBuild) console.log(`Built the bare Nextra site in ${bareBuild.buildSeconds} s`)
  if (dotnet.measured) {
    result.passwordCost = measurePasswordCost(BENCH_PBKDF2_ITERATIONS)
    log('password hash cost', result.passwordCost)
  }
  // An empty DOTNET_API_URL is the in-site mock, whatever the shell has set.
  const server = await startServer({ DOTNET_API_URL: '' })
  let dotnetSite: DotnetSite | undefined
  try {
    console.log(`Benchmarking ${server.url} (pid ${server.pid}) on the mock at ${server.url}/dotnet`)
    const targets: ProxyTarget[] = [{ api: 'mock', baseUrl: server.url, apiUrl: `${server.url}/dotnet` }]
    if (dotnet.measured) {
      const starting = Date.now()
      dotnetSite = await startDotnetSite()
      const { site, api } = dotnetSite
      console.log(`Benchmarking ${site.url} (pid ${site.pid}) on the .NET API at ${api.url} (pid ${api.pid}); building and starting both took ${Math.round((Date.now() - starting) / 1000)} s`)
      targets.push({ api: 'dotnet', baseUrl: site.url, apiUrl: api.url })
    }
    if (only.has('proxy')) {
      // Five rounds when short: the check holds this site's proxy to the naive
      // one's with no margin, so it takes the median of five paired rounds.
      // Whole seconds, because autocannon rounds a run's duration up.
      const options = short ? { seconds: 2, rounds: 5 } : { seconds: 10, rounds: 3 }
      result.proxyOverhead = await timed('proxy overhead', () => measureProxyOverhead({ targets, connections: [1, 10], ...options }))
    }
    if (only.has('ttfb')) {
      result.renderTtfb = await timed('render TTFB', () => measureRenderTtfb({ baseUrl: server.url, requests: short ? 50 : 300 }))
    }
    if (only.has('load')) {
      const options = { users: Number(values.users), seconds: Number(values.seconds) }
      const load: LoadSection = {}
      result.loadIntegrity = load
      load.mock = await timed('load with integrity, mock', () => measureLoadIntegrity({ server, ...options }))
      if (dotnetSite) {
        const { site, api } = dotnetSite
        load.dotnet = await timed('load with integrity, .NET API', () => measureLoadIntegrity({ server: site, api, ...options }))
      }
      // Its own two instances and Redis, started and stopped inside.
      load.multiInstance = await timed('load with integrity, one instance then two on Redis, A restarted midway', () => measureMultiInstanceLoad(options))
    }
    if (only.has('quality')) {
      // Every page beside the bare Nextra page, served beside the site.
      result.pageQuality = await timed('page quality (the bare site started included)', async () => {
        const bare = await startBareSite()
        try {
          return await measurePageQuality({ baseUrl: server.url, bareUrl: bare.url, paths: pages })
        } finally {
          await bare.stop()
        }
      })
    }
    if (only.has('upload')) {
      const uploads: Partial<Record<ApiName, UploadPathResult>> = {}
      result.uploadPath = uploads
      const options = { repetitions: short ? UPLOAD_REPETITIONS.short : UPLOAD_REPETITIONS.full }
      // The mock's own site would be BFF and API in one process, its memory the stored files' too:
      // a second server of the same build is the BFF here, and the first one's /dotnet its API.
      uploads.mock = await timed('upload path, mock (its BFF started and stopped included)', async () => {
        const bff = await startServer({ DOTNET_API_URL: `${server.url}/dotnet` })
        try {
          return await measureUploadPath({ api: 'mock', baseUrl: bff.url, apiUrl: `${server.url}/dotnet`, bffPid: bff.pid }, options)
        } finally {
          await bff.stop()
        }
      })
      if (dotnetSite) {
        const target = { api: 'dotnet' as const, baseUrl: dotnetSite.site.url, apiUrl: dotnetSite.api.url, bffPid: dotnetSite.site.pid }
        uploads.dotnet = await timed('upload path, .NET API', () => measureUploadPath(target, options))
      }
    }
  } finally {
    closeClient()
    await dotnetSite?.stop()
    await server.stop()
  }
  if (only.has('bundle')) {
    result.bundleBudgets = checkBundleBudgets({ bareBuildSeconds: bareBuild!.buildSeconds })
    log('bundle budgets', result.bundleBudgets)
  }
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(merge ? mergedInto(out, result) : result, null, 2)}\n`)
  console.log(`Wrote ${out}, ${Math.round((Date.now() - started) / 1000)} s after the start`)
  // The Measured page reads the results when the site is built, so rebuild it to show them.
  if (out === 'bench/results.json' && !values['no-page']) {
    console.log('Rebuilding the site so the Measured page shows these results')
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env }).status !== 0) throw new Error('npm run build failed')
  }

  const failures = short ? checkShortRun(result) : []
  // Wrong data is a bug whatever the machine: any run fails on it, for each API.
  const { multiInstance, ...perApi } = (result.loadIntegrity ?? {}) as LoadSection
  for (const [api, load] of Object.entries(perApi)) {
    const { missingOrWrong, foreignGoalsSeen } = load!.integrity
    if (missingOrWrong) failures.push(`load (${api}): ${missingOrWrong} acknowledged writes missing or wrong at the end`)
    if (foreignGoalsSeen) failures.push(`load (${api}): ${foreignGoalsSeen} goals seen by a user they do not belong to`)
    if (load!.signedOut) failures.push(`load (${api}): ${load!.signedOut} answers signed a user out (401)`)
  }
  if (multiInstance) failures.push(...multiInstanceFailures(multiInstance))
  // An upload refused or lost is a bug too, not a slow machine.
  for (const [api, upload] of Object.entries((result.uploadPath ?? {}) as Partial<Record<ApiName, UploadPathResult>>)) {
    if (upload!.errors) failures.push(`upload path (${api}): ${upload!.errors} uploads did not end in 201 Created`)
  }
  const budget = result.bundleBudgets as { failures: string[] } | undefined
  failures.push(...(budget?.failures ?? []))
  if (failures.length) {
    console.error(`\nBenchmark checks failed:\n- ${failures.join('\n- ')}`)
    process.exitCode = 1
  }
}

/** results.json's loadIntegrity: one run per API, and the mock on two instances. */
type LoadSection = Partial<Record<ApiName, LoadIntegrityResult>> & { multiInstance?: MultiInstanceLoadResult }

/**
 * Whether this run measures the .NET API. The short mode keeps to the mock: a
 * second server, the API's build and its start would add more to every
 * `npm test` than the proxy ratio itself takes. A full run without the SDK says
 * so in one line and records it, and CI, which has the SDK, fails instead.
 */
function dotnetApiStatus(): DotnetApiStatus {
  if (short) return { measured: false, reason: 'the short mode (npm run bench:ci) measures the mock only' }
  if (!only.has('proxy') && !only.has('load') && !only.has('upload')) return { measured: false, reason: 'this run measured neither the proxy, the load nor the uploads' }
  const sdk = dotnetSdkVersion()
  // The key stays out of the file: it is the benchmark's own (BENCH_SERVER_ENV), the same as the site's.
  const { Jwt__SigningKey: _key, ...settings } = dotnetApiSettings()
  if (sdk) return { measured: true, sdk, settings }
  const line = 'The .NET API columns were not measured: the `dotnet` command was not found. Install the .NET 10 SDK (https://dotnet.microsoft.com/download) to measure them.'
  if (process.env.CI === 'true') {
    console.error(`${line} CI=true, so this fails.`)
    process.exit(1)
  }
  console.log(line)
  return { measured: false, reason: 'the .NET SDK was not installed on the machine that ran the benchmark' }
}

/**
 * The published results with this run's sections in place of theirs. The
 * rest, the date and the machine included, stay as the last full run wrote
 * them; a merged section carries its own date and load average.
 */
function mergedInto(file: string, result: Record<string, unknown>): Record<string, unknown> {
  const published = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  for (const measurement of only) {
    const section = SECTIONS[measurement as keyof typeof SECTIONS]
    if (section && result[section] !== undefined) published[section] = result[section]
  }
  return published
}

async function timed<T>(title: string, measure: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const value = await measure()
  log(`${title} (${Math.round((Date.now() - started) / 1000)} s)`, value)
  return value
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
