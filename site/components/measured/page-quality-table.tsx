import { Table } from 'nextra/components'
import { bareReference, SIMULATED_NETWORKS, simulatedRoundTrips, type FormFactor, type LighthouseFigures } from '@/bench/compare-with-bare'
import type { PageQuality } from '@/bench/page-quality'
import { kib, ms } from './format-figure'
import { scrollableTable } from './scrollable-table'

const times = (ratio: number) => `${ratio.toFixed(2)}×`
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`

/** The HTML's size and the round trips it takes on the form factor's simulated network; then the stylesheets that hold the first paint. */
function Weight({ weight, formFactor }: { weight: LighthouseFigures['weight']; formFactor: FormFactor }) {
  const roundTrips = simulatedRoundTrips(weight.htmlTransferBytes, SIMULATED_NETWORKS[formFactor])
  return (
    <Table.Td>
      {kib(weight.htmlTransferBytes)}, {plural(roundTrips, 'round trip')} / {plural(weight.renderBlockingCss.files, 'file')}, {kib(weight.renderBlockingCss.transferBytes)}
    </Table.Td>
  )
}

/** The simulated FCP in its three parts, one after the other (firstPaintPath): the HTML, the downloads the paint waits for, the main thread. */
function FirstPaintParts({ parts }: { parts: LighthouseFigures['firstPaint'] }) {
  return <Table.Td>{parts.htmlMs} + {parts.blockingDownloadsMs} + {parts.mainThreadMs} ms</Table.Td>
}

/**
 * Section 4 of the Measured page: Lighthouse on every page, each form factor
 * headed by the bare Nextra page of the same run, the reference its docs pages
 * are held to. A page's row is its median run; the score of each run is beside
 * it. A server component, rendered when the site is built.
 */
export function PageQualityTable({ quality: q }: { quality: PageQuality }) {
  const formFactors = [...new Set(q.rows.map((row) => row.formFactor))]
  return (
    <Table {...scrollableTable('Lighthouse for each page and form factor, beside the bare Nextra page')} data-testid="bench-quality">
      <thead>
        <Table.Tr>
          <Table.Th>Page</Table.Th>
          <Table.Th>Performance</Table.Th>
          <Table.Th>FCP (÷ bare)</Table.Th>
          <Table.Th>FCP in parts: HTML + render-blocking downloads + main thread</Table.Th>
          <Table.Th>LCP (÷ bare)</Table.Th>
          <Table.Th>TBT</Table.Th>
          <Table.Th>CLS</Table.Th>
          <Table.Th>Accessibility / best practices</Table.Th>
          <Table.Th>HTML (transferred, simulated round trips) / render-blocking CSS</Table.Th>
        </Table.Tr>
      </thead>
      {formFactors.map((formFactor) => (
        <tbody key={formFactor}>
          <BareRows quality={q} formFactor={formFactor} />
          {q.rows
            .filter((row) => row.formFactor === formFactor)
            .map((row) => (
              <Table.Tr key={row.path} data-kind={row.kind}>
                <Table.Td><code>{row.path}</code> {formFactor}</Table.Td>
                <Table.Td>{row.scores.performance}{row.performanceRuns.length > 1 && ` (runs: ${row.performanceRuns.join(', ')})`}</Table.Td>
                <Table.Td>{ms(row.metrics.fcpMs)} ({times(row.vsBare.fcpRatio)})</Table.Td>
                <FirstPaintParts parts={row.firstPaint} />
                <Table.Td>{ms(row.metrics.lcpMs)} ({times(row.vsBare.lcpRatio)})</Table.Td>
                <Table.Td>{ms(row.metrics.tbtMs)}</Table.Td>
                <Table.Td>{row.metrics.cls.toFixed(3)}</Table.Td>
                <Table.Td>{row.scores.accessibility} / {row.scores['best-practices']}</Table.Td>
                <Weight weight={row.weight} formFactor={formFactor} />
              </Table.Tr>
            ))}
        </tbody>
      ))}
    </Table>
  )
}

/** The bare page's runs (one opening each pass over the pages), then the reference: its median run's figures. */
function BareRows({ quality: q, formFactor }: { quality: PageQuality; formFactor: FormFactor }) {
  const runs = q.bare.runs.filter((run) => run.formFactor === formFactor)
  const reference = bareReference(runs)
  return (
    <>
      {runs.map((run) => (
        <Table.Tr key={run.pass}>
          <Table.Td>Bare Nextra page, run {run.pass}, {formFactor}</Table.Td>
          <Table.Td>{run.scores.performance}</Table.Td>
          <Table.Td>{ms(run.metrics.fcpMs)}</Table.Td>
          <FirstPaintParts parts={run.firstPaint} />
          <Table.Td>{ms(run.metrics.lcpMs)}</Table.Td>
          <Table.Td>{ms(run.metrics.tbtMs)}</Table.Td>
          <Table.Td>{run.metrics.cls.toFixed(3)}</Table.Td>
          <Table.Td>{run.scores.accessibility} / {run.scores['best-practices']}</Table.Td>
          <Weight weight={run.weight} formFactor={formFactor} />
        </Table.Tr>
      ))}
      <Table.Tr>
        <Table.Td><strong>Reference, {formFactor}</strong> (the median run)</Table.Td>
        <Table.Td><strong>{reference.performance}</strong></Table.Td>
        <Table.Td><strong>{ms(reference.fcpMs)}</strong></Table.Td>
        <Table.Td />
        <Table.Td><strong>{ms(reference.lcpMs)}</strong></Table.Td>
      </Table.Tr>
    </>
  )
}
