// 5. Bundle budgets. The first-load JavaScript of every page route (measured
// from the build by scripts/measure-client-js.mjs) against the budgets
// committed in bench/bundle-budgets.json. A route more than 10% over its
// budget fails the check, so growing a page means raising its budget in the
// same change, where a reviewer sees it.
//   npx tsx bench/bundle-budgets.ts            check
//   npx tsx bench/bundle-budgets.ts --update   write the current sizes as the budgets
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const BUDGETS_FILE = 'bench/bundle-budgets.json'
const STATS_FILE = 'public/build-stats/client-js.json'

type Budgets = { tolerance: number; unit: string; routes: Record<string, number> }
type Measured = { route: string; chunks: number; bytes: number; gzipBytes: number }
export type BundleBudgetRow = Measured & { budgetGzipBytes: number | null; overBudget: number | null }

/** Measures the current build (NEXT_DIST_DIR) and compares it with the committed budgets. */
export function checkBundleBudgets(): { method: string; tolerance: number; rows: BundleBudgetRow[]; failures: string[] } {
  const { method, routes } = measure()
  const budgets = JSON.parse(readFileSync(BUDGETS_FILE, 'utf8')) as Budgets
  const failures: string[] = []
  const rows = routes.map((measured) => {
    const budget = budgets.routes[measured.route] ?? null
    const over = budget === null ? null : Math.round((measured.gzipBytes / budget - 1) * 1000) / 1000
    if (budget === null) failures.push(`${measured.route}: no budget in ${BUDGETS_FILE} (npx tsx bench/bundle-budgets.ts --update, then review the diff)`)
    else if (over! > budgets.tolerance) {
      failures.push(`${measured.route}: ${measured.gzipBytes} gzip bytes of first-load JS is ${Math.round(over! * 100)}% over its budget of ${budget}; shrink it or raise the budget in ${BUDGETS_FILE}`)
    }
    return { ...measured, budgetGzipBytes: budget, overBudget: over }
  })
  for (const route of Object.keys(budgets.routes)) {
    if (!routes.some((measured) => measured.route === route)) failures.push(`${route}: has a budget but the build has no such page; remove it from ${BUDGETS_FILE}`)
  }
  return { method, tolerance: budgets.tolerance, rows, failures }
}

function measure(): { method: string; routes: Measured[] } {
  // Re-measure the build under test: the stats file may come from another dist dir.
  const result = spawnSync(process.execPath, ['scripts/measure-client-js.mjs'], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) throw new Error('scripts/measure-client-js.mjs failed')
  return (JSON.parse(readFileSync(STATS_FILE, 'utf8')) as { firstLoad: { method: string; routes: Measured[] } }).firstLoad
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--update')) {
    const routes = Object.fromEntries(measure().routes.map((r) => [r.route, r.gzipBytes]))
    const budgets: Budgets = { tolerance: 0.1, unit: 'gzip bytes of first-load JavaScript per page', routes }
    writeFileSync(BUDGETS_FILE, `${JSON.stringify(budgets, null, 2)}\n`)
    console.log(`Wrote ${BUDGETS_FILE}`)
  } else {
    const { rows, failures } = checkBundleBudgets()
    console.table(rows)
    if (failures.length) {
      console.error(failures.join('\n'))
      process.exitCode = 1
    }
  }
}
