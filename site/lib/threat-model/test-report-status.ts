/** Which runner's report a test appears in. */
export type Runner = 'e2e' | 'unit' | 'contract' | 'multi'

/** The runners whose report is Playwright's (paths inside their test folder); the others are Vitest's. */
export const PLAYWRIGHT_RUNNERS: readonly Runner[] = ['e2e', 'multi']

/** A test named in the threat model: its file from the repository root and its title. */
export type TestRef = { runner: Runner; file: string; name: string }

export type TestStatus = 'passed' | 'failed' | 'flaky' | 'skipped' | 'not run'

/**
 * Results by `file :: title`, from one report, and when that run started.
 * Merged reports keep the start of every run they hold in `runsStarted`.
 */
export type ReportResults = { startedAt: string | null; runsStarted?: string[]; results: { file: string; title: string; status: TestStatus }[] }

type PlaywrightSuite = {
  title: string
  file?: string
  specs?: { title: string; file?: string; tests: { status: string }[] }[]
  suites?: PlaywrightSuite[]
}

// #region report-status
/** Playwright's JSON reporter: nested suites, one spec per test title, `expected`/`unexpected`/`flaky`/`skipped`. */
export function fromPlaywrightReport(report: unknown): ReportResults {
  const { suites = [], stats } = report as { suites?: PlaywrightSuite[]; stats?: { startTime?: string } }
  const results: ReportResults['results'] = []
  function walk(suite: PlaywrightSuite, titles: string[], file: string) {
    for (const spec of suite.specs ?? []) {
      const statuses = spec.tests.map((test) => test.status)
      const status: TestStatus = statuses.includes('unexpected')
        ? 'failed'
        : statuses.includes('flaky')
          ? 'flaky'
          : statuses.length > 0 && statuses.every((s) => s === 'skipped')
            ? 'skipped'
            : statuses.length > 0 && statuses.every((s) => s === 'expected' || s === 'skipped')
              ? 'passed'
              : 'not run'
      results.push({ file: spec.file ?? file, title: [...titles, spec.title].join(' › '), status })
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title], child.file ?? file)
  }
  // The top-level suites are the files; their titles are not part of a test's name.
  for (const suite of suites) walk(suite, [], suite.file ?? suite.title)
  return { startedAt: stats?.startTime ?? null, results }
}

/** Vitest's JSON reporter (Jest's shape): files by absolute path, assertions with ancestor titles. */
export function fromVitestReport(report: unknown): ReportResults {
  const { testResults = [], startTime } = report as {
    startTime?: number
    testResults?: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[]
  }
  const results = testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({
      file: file.name,
      title: [...test.ancestorTitles, test.title].join(' › '),
      status: (test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped') as TestStatus,
    })),
  )
  return { startedAt: startTime ? new Date(startTime).toISOString() : null, results }
}

/**
 * The status of one named test. No report, or a report without the test, is
 * "not run": the page never shows a pass that no run produced. A name matches
 * the full title or its last part (the title without its describe blocks).
 */
export function statusOf(ref: TestRef, report: ReportResults | null): TestStatus {
  if (!report) return 'not run'
  const wanted = PLAYWRIGHT_RUNNERS.includes(ref.runner) ? ref.file.replace(`tests/${ref.runner}/`, '') : ref.file
  const sameFile = (file: string) => {
    const path = file.replaceAll('\\', '/')
    return path === wanted || path.endsWith(`/${wanted}`)
  }
  const found = report.results.filter((result) => sameFile(result.file) && (result.title === ref.name || result.title.endsWith(` › ${ref.name}`)))
  if (found.length === 0) return 'not run'
  if (found.some((result) => result.status === 'failed')) return 'failed'
  if (found.every((result) => result.status === 'skipped')) return 'skipped'
  if (found.some((result) => result.status === 'flaky')) return 'flaky'
  return found.every((result) => result.status === 'passed' || result.status === 'skipped') ? 'passed' : 'not run'
}
// #endregion report-status

/**
 * A report's file as a path from the repository root, whichever checkout
 * wrote it: Vitest records absolute paths, Playwright paths inside tests/e2e (or tests/multi).
 */
export function repoRelativeFile(runner: Runner, file: string): string {
  const path = file.replaceAll('\\', '/')
  const folder = `tests/${runner}/`
  if (PLAYWRIGHT_RUNNERS.includes(runner)) return path.startsWith(folder) ? path : `${folder}${path.replace(new RegExp(`^.*/${folder}`), '')}`
  const at = path.lastIndexOf(`/tests/${runner}/`)
  return at === -1 ? path : path.slice(at + 1)
}

const startedAtMs = (report: ReportResults) => Date.parse(report.startedAt ?? '') || 0

/**
 * Two runs of one runner as one: each test takes its result from the run that
 * started later, and a test only one of them ran keeps that run's result. A
 * partial run (one spec) thus updates its tests and leaves the others as they were.
 */
export function newerWins(runner: Runner, a: ReportResults | null, b: ReportResults | null): ReportResults | null {
  if (!a || !b) return a ?? b
  const [newer, older] = startedAtMs(a) >= startedAtMs(b) ? [a, b] : [b, a]
  const key = (result: ReportResults['results'][number]) => `${repoRelativeFile(runner, result.file)} :: ${result.title}`
  const seen = new Set(newer.results.map(key))
  const runs = [...new Set([a, b].flatMap((report) => report.runsStarted ?? (report.startedAt ? [report.startedAt] : [])))].sort()
  return { startedAt: newer.startedAt, runsStarted: runs, results: [...newer.results, ...older.results.filter((result) => !seen.has(key(result)))] }
}
