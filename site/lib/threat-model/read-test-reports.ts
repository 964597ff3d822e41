import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromPlaywrightReport, fromVitestReport, newerWins, PLAYWRIGHT_RUNNERS, type ReportResults, type Runner } from './test-report-status'

/**
 * Where `npm test` writes its machine-readable reports: Playwright's JSON
 * reporter (playwright.config.ts, E2E_REPORT overrides; playwright.multi.config.ts
 * for the two-instance suite) and Vitest's (vitest.config.ts, vitest.contract.config.ts).
 */
export const REPORT_FILES: Record<Runner, string> = {
  e2e: process.env.E2E_REPORT ?? 'reports/e2e.json',
  unit: 'reports/unit.json',
  contract: 'reports/contract.json',
  multi: 'reports/multi.json',
}

/**
 * The committed results of the last full run, for the tests the threat model
 * cites. `reports/` is not committed, so without this a fresh clone would show
 * every row as "not run". `npm run test-status:snapshot` writes it.
 */
export const SNAPSHOT_FILE = 'site/lib/threat-model/test-status-snapshot.json'

export type TestStatusSnapshot = { note: string; runners: Record<Runner, ReportResults | null> }

/** Where a runner's statuses came from, and when that run started. */
export type StatusSource = { file: string; runsStarted: string[] }
export type RunnerResults = ReportResults & { sources: StatusSource[] }

// Read at build time only (the threat model page is prerendered), not a runtime file access.
const readJson = (root: string, file: string): unknown => {
  const path = join(/*turbopackIgnore: true*/ root, file)
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

/** Each runner's last report under reports/, or null when there is none (or it is unreadable). */
export function readReportFiles(root = process.cwd(), files: Record<Runner, string> = REPORT_FILES): Record<Runner, ReportResults | null> {
  const read = (runner: Runner) => {
    const json = readJson(root, files[runner])
    if (json === null) return null
    return PLAYWRIGHT_RUNNERS.includes(runner) ? fromPlaywrightReport(json) : fromVitestReport(json)
  }
  return { e2e: read('e2e'), unit: read('unit'), contract: read('contract'), multi: read('multi') }
}

export function readSnapshot(root = process.cwd()): TestStatusSnapshot | null {
  return readJson(root, SNAPSHOT_FILE) as TestStatusSnapshot | null
}

/**
 * Each runner's statuses: the committed snapshot, with a report under reports/
 * laid over it where that report's run is newer. A test the newer run did not
 * include keeps its snapshot status.
 */
export function readTestReports(root = process.cwd()): Record<Runner, RunnerResults | null> {
  const reports = readReportFiles(root)
  const snapshot = readSnapshot(root)?.runners
  const merge = (runner: Runner): RunnerResults | null => {
    const report = reports[runner]
    const saved = snapshot?.[runner] ?? null
    const merged = newerWins(runner, report, saved)
    if (!merged) return null
    const runs = (r: ReportResults) => r.runsStarted ?? (r.startedAt ? [r.startedAt] : [])
    const sources: StatusSource[] = [
      ...(report ? [{ file: REPORT_FILES[runner], runsStarted: runs(report) }] : []),
      ...(saved ? [{ file: SNAPSHOT_FILE, runsStarted: runs(saved) }] : []),
    ]
    // The newest first: it is the one laid over the other.
    return { ...merged, sources: sources.sort((a, b) => (b.runsStarted.at(-1) ?? '').localeCompare(a.runsStarted.at(-1) ?? '')) }
  }
  return { e2e: merge('e2e'), unit: merge('unit'), contract: merge('contract'), multi: merge('multi') }
}
