import { Table } from 'nextra/components'
import { ServerHtml } from '@/site/components/server-html'
import { readTestReports, REPORT_FILES } from '@/site/lib/threat-model/read-test-reports'
import { statusOf, type TestRef, type TestStatus } from '@/site/lib/threat-model/test-report-status'
import { THREATS } from '@/site/lib/threat-model/threats'

const LABEL: Record<TestStatus, string> = { passed: '✓ passed', failed: '✗ failed', flaky: '~ flaky', skipped: '– skipped', 'not run': 'not run' }

/**
 * The STRIDE table, with each test's status from the last machine-readable
 * report, read at build time. No report, or a report without the test, shows
 * "not run": this component has no way to print a pass of its own.
 */
export function ThreatModel() {
  const reports = readTestReports()
  const repository = process.env.SITE_REPOSITORY_URL?.replace(/\/+$/, '')
  const link = (ref: TestRef) => (repository ? `${repository}/blob/main/${ref.file}` : null)
  return (
    <ServerHtml>
      {/* Wider than the column on most screens: it scrolls, so it must take focus for keyboard users to scroll it. */}
      <Table className="nextra-scrollbar x:p-0 bff-threat-model" data-testid="threat-model" tabIndex={0} aria-label="Threat model: each threat, what stops it, and its tests">
        <thead>
          <Table.Tr>
            <Table.Th>STRIDE</Table.Th>
            <Table.Th>Threat</Table.Th>
            <Table.Th>What stops it</Table.Th>
            <Table.Th>Test (file › name) and its last result</Table.Th>
          </Table.Tr>
        </thead>
        <tbody>
          {THREATS.map((threat) => (
            <Table.Tr key={threat.id} id={`threat-${threat.id}`}>
              <Table.Td>{threat.stride}</Table.Td>
              <Table.Td>{withCode(threat.threat)}</Table.Td>
              <Table.Td>{withCode(threat.layers)}</Table.Td>
              <Table.Td>
                <ul className="bff-threat-tests">
                  {threat.tests.map((ref) => {
                    const status = statusOf(ref, reports[ref.runner])
                    const href = link(ref)
                    return (
                      <li key={`${ref.file}:${ref.name}`} data-status={status}>
                        <strong>{LABEL[status]}</strong> {href ? <a href={href}><code>{ref.file}</code></a> : <code>{ref.file}</code>} › {ref.name}
                      </li>
                    )
                  })}
                </ul>
              </Table.Td>
            </Table.Tr>
          ))}
        </tbody>
      </Table>
      <p data-testid="threat-model-reports">
        Results as of this page&apos;s build:{' '}
        {(Object.keys(REPORT_FILES) as (keyof typeof REPORT_FILES)[]).map((runner, i) => (
          <span key={runner} data-runner={runner}>
            {i > 0 && '; '}
            {runner}:{' '}
            {reports[runner]
              ? reports[runner].sources.map((source, j) => (
                  <span key={source.file}>
                    {j > 0 && ', over '}
                    {source.runsStarted.length > 1 ? 'the runs started ' : 'the run started '}
                    {source.runsStarted.map((startedAt, k) => (
                      <span key={startedAt}>
                        {k > 0 && ' and '}
                        <time dateTime={startedAt}>{runDate(startedAt)}</time>
                      </span>
                    ))}
                    {source.runsStarted.length === 0 && 'at an unknown time'} (<code>{source.file}</code>)
                  </span>
                ))
              : 'no report and no snapshot, so its tests show "not run"'}
          </span>
        ))}
        .
      </p>
    </ServerHtml>
  )
}

/** A run's start as a reader reads a date: to the minute, in UTC. */
function runDate(startedAt: string) {
  return `${startedAt.slice(0, 16).replace('T', ' ')} UTC`
}

/** `backticked` parts of a row's text as code. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))
}
