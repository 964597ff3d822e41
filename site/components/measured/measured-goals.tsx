import { Table } from 'nextra/components'
import { ServerHtml } from '@/site/components/server-html'
import { readBenchResults } from '@/site/lib/measured/read-bench-results'
import { evaluateGoals, type GoalResult, type GoalStatus } from '@/site/lib/measured/bench-goals'
import { formatFigure } from './format-figure'
import { scrollableTable } from './scrollable-table'

const LABEL: Record<GoalStatus, string> = { met: '✓ met', missed: '✗ missed', 'not measured': 'not measured' }

/** With more subjects than this, the cell shows the one furthest from the goal instead of all of them. */
const LISTED_SUBJECTS = 3

/**
 * Every goal of the Measured page, marked met or missed from bench/results.json
 * when the site is built. A server component: nothing of it reaches the browser
 * but the table.
 */
export function MeasuredGoals() {
  const results = readBenchResults()
  if (!results) return null
  return (
    <ServerHtml>
      <Table {...scrollableTable('Goals of the benchmark, met or missed')} data-testid="bench-goals">
        <thead>
          <Table.Tr>
            <Table.Th>Goal</Table.Th>
            <Table.Th>Measured</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </thead>
        <tbody>
          {evaluateGoals(results).map((result) => (
            <Table.Tr key={result.goal.id} data-goal={result.goal.id} data-status={result.status}>
              <Table.Td>
                <a href={`#${result.goal.section}`}>{result.goal.what}</a>: {result.goal.comparison}{' '}
                {result.threshold === undefined ? 'not recorded' : formatFigure(result.threshold, result.goal.unit)}
              </Table.Td>
              <Table.Td>{measured(result)}</Table.Td>
              <Table.Td>
                <strong>{LABEL[result.status]}</strong>
              </Table.Td>
            </Table.Tr>
          ))}
        </tbody>
      </Table>
    </ServerHtml>
  )
}

function measured({ goal, checks }: GoalResult): string {
  const figure = (value: number | null) => (value === null ? 'not measured' : formatFigure(value, goal.unit))
  if (checks.length <= LISTED_SUBJECTS) return checks.map((check) => `${check.subject} ${figure(check.value)}`).join('; ') || 'not measured'
  const values = checks.flatMap((check) => (check.value === null ? [] : [{ subject: check.subject, value: check.value }]))
  if (values.length === 0) return 'not measured'
  const worst = values.reduce((a, b) => ((goal.comparison === 'at most' ? b.value > a.value : b.value < a.value) ? b : a))
  const met = checks.filter((check) => check.status === 'met').length
  return `${met} of ${checks.length} meet it; worst: ${worst.subject} ${figure(worst.value)}`
}
