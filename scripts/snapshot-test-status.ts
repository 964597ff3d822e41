// Writes site/lib/threat-model/test-status-snapshot.json: the results of the
// tests the pages cite (the threat model, <HeldBy> on the decisions page), from
// the JSON reports of a full `npm test`. reports/ is not committed; this file
// is, so a fresh clone's build shows real statuses with the date of their run.
//   npm run test-status:snapshot                 from reports/
//   npm run test-status:snapshot -- <dir> …      from other report folders (e2e.json, unit.json, contract.json, multi.json)
// The committed snapshot is the oldest source: for each test the run that
// started last wins, so a run of a few specs updates just their results.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { citedTests } from '../site/lib/threat-model/cited-tests'
import { readReportFiles, readSnapshot, SNAPSHOT_FILE, type TestStatusSnapshot } from '../site/lib/threat-model/read-test-reports'
import { newerWins, repoRelativeFile, statusOf, type ReportResults, type Runner } from '../site/lib/threat-model/test-report-status'

const RUNNERS: Runner[] = ['e2e', 'unit', 'contract', 'multi']
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['reports']
const cited = citedTests()
const previous = readSnapshot()?.runners

const runners = Object.fromEntries(
  RUNNERS.map((runner) => {
    // 1. Every folder's report of this runner, merged: for each test the run that started last wins.
    const merged = dirs
      .map((dir) => readReportFiles(path.resolve(dir), { e2e: 'e2e.json', unit: 'unit.json', contract: 'contract.json', multi: 'multi.json' })[runner])
      .reduce<ReportResults | null>((a, b) => newerWins(runner, a, b), previous?.[runner] ?? null)
    if (!merged) return [runner, null]
    // 2. Only the cited tests, with paths from the repository root, so the file stays small and reviewable.
    const refs = cited.filter((ref) => ref.runner === runner)
    const results = merged.results
      .filter((result) => refs.some((ref) => statusOf(ref, { startedAt: null, results: [result] }) !== 'not run'))
      .map((result) => ({ ...result, file: repoRelativeFile(runner, result.file) }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.title.localeCompare(b.title))
    return [runner, { startedAt: merged.startedAt, runsStarted: merged.runsStarted ?? (merged.startedAt ? [merged.startedAt] : []), results }]
  }),
) as TestStatusSnapshot['runners']

// 3. Say which cited tests no report ran: their rows will show "not run" until a run includes them.
const missing = cited.filter((ref) => statusOf(ref, runners[ref.runner]) === 'not run')
for (const ref of missing) console.warn(`not in any report: ${ref.file} › ${ref.name}`)

const snapshot: TestStatusSnapshot = {
  note: 'Written by npm run test-status:snapshot from the reports of a full npm test. A newer reports/ run wins over it, test by test.',
  runners,
}
writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(snapshot, null, 2)}\n`)
const count = RUNNERS.map((runner) => `${runner} ${runners[runner]?.results.length ?? 0} (runs started ${runners[runner]?.runsStarted?.join(', ') || 'never'})`)
console.log(`Wrote ${SNAPSHOT_FILE}: ${count.join(', ')}; ${missing.length} cited tests not run`)
process.exitCode = missing.length ? 1 : 0
