import { Table } from 'nextra/components'
import { ServerHtml } from '@/site/components/server-html'
import type { LoadIntegrityResult } from '@/bench/load-integrity'
import { readBenchResults, RESULTS_FILE } from '@/site/lib/measured/read-bench-results'
import { scrollableTable } from './scrollable-table'

const PHASES = [
  { key: 'oneInstance', label: 'One instance' },
  { key: 'twoInstances', label: 'Two instances, A restarted midway' },
] as const

const zeroRequired = (value: number) => (value === 0 ? '0 ✓' : `${value} ✗`)

/**
 * The load run against two instances of the site on one Redis, behind a
 * round-robin (bench/multi-instance-load.ts), beside one instance in the same
 * run. A server component, read from bench/results.json when the site is built.
 */
export function MultiInstanceLoadTable() {
  const run = readBenchResults()?.loadIntegrity?.multiInstance
  if (!run) {
    return (
      <p data-testid="not-measured">
        Not measured yet: run <code>npm run bench -- --only load --merge</code>, which writes <code>{RESULTS_FILE}</code>.
      </p>
    )
  }
  const each = (cell: (l: LoadIntegrityResult) => React.ReactNode) => PHASES.map(({ key }) => <Table.Td key={key}>{cell(run[key])}</Table.Td>)
  return (
    <ServerHtml>
      <Table {...scrollableTable('Load run: one instance, then two on one Redis with a restart')} data-testid="bench-multi-instance">
        <thead>
          <Table.Tr><Table.Th></Table.Th>{PHASES.map(({ key, label }) => <Table.Th key={key}>{label}</Table.Th>)}</Table.Tr>
        </thead>
        <tbody>
          <Table.Tr><Table.Td>Users × seconds</Table.Td>{each((l) => `${l.users} × ${l.seconds} s`)}</Table.Tr>
          <Table.Tr><Table.Td>Throughput</Table.Td>{each((l) => `${l.throughputRps} req/s`)}</Table.Tr>
          <Table.Tr><Table.Td>Errors</Table.Td>{each((l) => l.errors)}</Table.Tr>
          <Table.Tr><Table.Td>Acknowledged writes</Table.Td>{each((l) => l.integrity.acknowledgedWrites)}</Table.Tr>
          <Table.Tr><Table.Td><strong>Lost acknowledged writes</strong> (required: 0)</Table.Td>{each((l) => <strong>{zeroRequired(l.integrity.missingOrWrong)}</strong>)}</Table.Tr>
          <Table.Tr><Table.Td><strong>Goals seen by the wrong user</strong> (required: 0)</Table.Td>{each((l) => <strong>{zeroRequired(l.integrity.foreignGoalsSeen)}</strong>)}</Table.Tr>
          <Table.Tr><Table.Td><strong>Answers of 401, a user signed out</strong> (required: 0)</Table.Td>{each((l) => <strong>{zeroRequired(l.signedOut ?? 0)}</strong>)}</Table.Tr>
        </tbody>
      </Table>
      <p data-testid="bench-multi-instance-ratio">
        Two instances served {run.twoOverOneThroughput.toFixed(2)}× the throughput of one, on the same machine and in the same run.
        Instance A was stopped {Math.round(run.restart.atSecond)} s into the two-instance phase; it took {(run.restart.stoppedMs / 1000).toFixed(1)} s
        to stop and {(run.restart.startedMs / 1000).toFixed(1)} s to start again. Requests per instance: {Object.entries(run.servedBy).map(([name, count]) => `${name} ${count}`).join(', ')}.
      </p>
    </ServerHtml>
  )
}
