import { cache } from 'react'
import { readTestReports } from '@/site/lib/threat-model/read-test-reports'
import { statusOf, type Runner, type TestStatus } from '@/site/lib/threat-model/test-report-status'

const LABEL: Record<TestStatus, string> = { passed: '✓ passed', failed: '✗ failed', flaky: '~ flaky', skipped: '– skipped', 'not run': 'not run' }
const RUNNERS: Record<string, Runner> = { e2e: 'e2e', unit: 'unit', contract: 'contract', multi: 'multi' }

// One page cites many tests: read the reports once per render, not once per citation.
const reports = cache(() => readTestReports())

/**
 * A test that holds a claim on the page, with its last result read at build
 * time, as on the threat model. `tests/unit/docs/decisions-page.test.ts` reads
 * every `<HeldBy>` in the MDX and fails when the file or the title is gone.
 */
export function HeldBy({ file, test }: { file: string; test: string }) {
  const runner = RUNNERS[file.split('/')[1]]
  if (!file.startsWith('tests/') || !runner) throw new Error(`<HeldBy file="${file}">: not a test under tests/e2e, tests/unit, tests/contract or tests/multi`)
  const status = statusOf({ runner, file, name: test }, reports()[runner])
  const repository = process.env.SITE_REPOSITORY_URL?.replace(/\/+$/, '')
  const path = <code>{file}</code>
  return (
    <span className="bff-held-by" data-status={status}>
      <strong>{LABEL[status]}</strong> {repository ? <a href={`${repository}/blob/main/${file}`}>{path}</a> : path} › {test}
    </span>
  )
}
