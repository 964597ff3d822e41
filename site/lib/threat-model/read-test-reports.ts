import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromPlaywrightReport, fromVitestReport, type ReportResults, type Runner } from './test-report-status'

/**
 * Where `npm test` writes its machine-readable reports: Playwright's JSON
 * reporter (playwright.config.ts, E2E_REPORT overrides) and Vitest's
 * (vitest.config.ts, vitest.contract.config.ts).
 */
export const REPORT_FILES: Record<Runner, string> = {
  e2e: process.env.E2E_REPORT ?? 'reports/e2e.json',
  unit: 'reports/unit.json',
  contract: 'reports/contract.json',
}

/** Each runner's last report, or null when there is none (or it is unreadable). */
export function readTestReports(root = process.cwd()): Record<Runner, ReportResults | null> {
  const read = (runner: Runner) => {
    // Read at build time only (the threat model page is prerendered), not a runtime file access.
    const path = join(/*turbopackIgnore: true*/ root, REPORT_FILES[runner])
    if (!existsSync(path)) return null
    try {
      const json = JSON.parse(readFileSync(path, 'utf8'))
      return runner === 'e2e' ? fromPlaywrightReport(json) : fromVitestReport(json)
    } catch {
      return null
    }
  }
  return { e2e: read('e2e'), unit: read('unit'), contract: read('contract') }
}
