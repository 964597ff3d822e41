// 5. Bundle budgets, against the bare Nextra site built in the same run
// (bench/bare-site.ts: the same theme, Layout options and packages, one plain
// MDX page). The first-load JavaScript of every page, measured from the build
// by scripts/measure-client-js.mjs, may exceed the bare page's by at most
// bench/bundle-budgets.json's `overBareBytes`. No size is copied in from a
// past build: what a page may carry follows from what the bare site carries.
//
// A demo page (/demo/*) shows the reference app, so its own code does not count
// against it: the chunks no docs page loads are reported as its own, and what
// is left, the chrome around the demo, is held to the same limit.
//   npx tsx bench/bundle-budgets.ts     build the bare site, measure both builds, check
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { bareDistDir, buildBareSite } from './bare-site'

const BUDGETS_FILE = 'bench/bundle-budgets.json'
const STATS_FILE = 'public/build-stats/client-js.json'

type Budgets = { overBareBytes: number; unit: string }
type Measured = { route: string; files: { file: string; gzipBytes: number }[]; chunks: number; bytes: number; gzipBytes: number; lazy?: { gzipBytes: number } }
type FirstLoad = { method: string; routes: Measured[] }

export type BundleBudgetRow = {
  route: string
  kind: 'docs' | 'demo'
  chunks: number
  bytes: number
  gzipBytes: number
  /** A demo page's own code and its dependencies: its first-load chunks that no docs page loads. 0 for docs pages. */
  ownGzipBytes: number
  /** First-load JavaScript less the page's own code, over the bare page's: the figure held to the limit. */
  overBareGzipBytes: number
  /** Docs pages: what their demos, experiments or inspector load when they near the screen, not first load. */
  nearScreenGzipBytes: number | null
}

export type BundleBudgets = {
  method: string
  unit: string
  overBareLimitBytes: number
  bare: { route: '/'; chunks: number; bytes: number; gzipBytes: number; buildSeconds: number }
  rows: BundleBudgetRow[]
  failures: string[]
}

/** Compares the build under test (NEXT_DIST_DIR) with the bare site built in this run. */
export function checkBundleBudgets({ bareBuildSeconds }: { bareBuildSeconds: number }): BundleBudgets {
  const { overBareBytes, unit } = JSON.parse(readFileSync(BUDGETS_FILE, 'utf8')) as Budgets
  const site = measure()
  const bare = measureBare().routes.find((route) => route.route === '/')
  if (!bare) throw new Error(`the bare Nextra build in ${bareDistDir()} has no / page`)
  const rows = budgetRows(site.routes, bare.gzipBytes)
  const failures = rows
    .filter((row) => row.overBareGzipBytes > overBareBytes)
    .map((row) => `${row.route}: ${kib(row.overBareGzipBytes)} of first-load JS over the bare Nextra page's ${kib(bare.gzipBytes)}${row.kind === 'demo' ? ` (its own ${kib(row.ownGzipBytes)} left out)` : ''}; the limit is ${kib(overBareBytes)}`)
  return {
    method: site.method,
    unit,
    overBareLimitBytes: overBareBytes,
    bare: { route: '/', chunks: bare.chunks, bytes: bare.bytes, gzipBytes: bare.gzipBytes, buildSeconds: bareBuildSeconds },
    rows,
    failures,
  }
}

/** Each page against the bare page; pure, so tests/unit/bench can give it routes. */
export function budgetRows(routes: Measured[], bareGzipBytes: number): BundleBudgetRow[] {
  const isDemo = (route: string) => route.startsWith('/demo/')
  const docsFiles = new Set(routes.filter((route) => !isDemo(route.route)).flatMap((route) => route.files.map(({ file }) => file)))
  return routes.map((route) => {
    const own = isDemo(route.route) ? route.files.filter(({ file }) => !docsFiles.has(file)).reduce((sum, file) => sum + file.gzipBytes, 0) : 0
    return {
      route: route.route,
      kind: isDemo(route.route) ? 'demo' : 'docs',
      chunks: route.chunks,
      bytes: route.bytes,
      gzipBytes: route.gzipBytes,
      ownGzipBytes: own,
      overBareGzipBytes: route.gzipBytes - own - bareGzipBytes,
      nearScreenGzipBytes: route.lazy?.gzipBytes ?? null,
    }
  })
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

function measure(): FirstLoad {
  // Re-measure the build under test: the stats file may come from another dist dir.
  const result = spawnSync(process.execPath, ['scripts/measure-client-js.mjs'], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) throw new Error('scripts/measure-client-js.mjs failed')
  return (JSON.parse(readFileSync(STATS_FILE, 'utf8')) as { firstLoad: FirstLoad }).firstLoad
}

function measureBare(): FirstLoad {
  const result = spawnSync(process.execPath, ['scripts/measure-client-js.mjs', '--first-load', bareDistDir()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`measuring the bare Nextra build failed:\n${result.stderr}`)
  return JSON.parse(result.stdout) as FirstLoad
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { buildSeconds } = buildBareSite()
  const { bare, rows, failures } = checkBundleBudgets({ bareBuildSeconds: buildSeconds })
  console.log(`The bare Nextra page: ${bare.gzipBytes} gzip bytes of first-load JS (built in ${buildSeconds} s)`)
  console.table(rows)
  if (failures.length) {
    console.error(failures.join('\n'))
    process.exitCode = 1
  }
}
