import { Table } from 'nextra/components'
import { ServerHtml } from '@/site/components/server-html'
import type { ApiName } from '@/bench/proxy-overhead'
import type { UploadPathFigures } from '@/bench/upload-summary'
import { UPLOAD_GOALS } from '@/bench/goals'
import { readBenchResults, RESULTS_FILE } from '@/site/lib/measured/read-bench-results'
import { ms } from './format-figure'
import { scrollableTable } from './scrollable-table'

const APIS: { name: ApiName; label: string; short: string }[] = [
  { name: 'mock', label: 'Mock (TypeScript, its own server)', short: 'mock' },
  { name: 'dotnet', label: '.NET API (ASP.NET Core)', short: '.NET API' },
]

const mibps = (value: number | null) => (value === null ? 'no upload succeeded' : `${value.toFixed(1)} MiB/s`)
const mib = (value: number) => `${value.toFixed(1)} MiB`
const path = (f: UploadPathFigures) => `${mibps(f.medianMiBps)} (${f.medianMs === null ? '–' : ms(f.medianMs)})`

/**
 * Workflow E's measurement on the Measured page: one large file straight to
 * the API and through the BFF, for each API, with the BFF's memory during
 * each. A server component, read from bench/results.json when the site is built.
 */
export function UploadPathTable() {
  const uploads = readBenchResults()?.uploadPath
  const measured = APIS.flatMap(({ name }) => (uploads?.[name] ? [uploads[name]] : []))
  if (!uploads || measured.length === 0) {
    return (
      <p data-testid="not-measured">
        Not measured yet: run <code>npm run bench -- --only upload --merge</code>, which writes <code>{RESULTS_FILE}</code>.
      </p>
    )
  }
  const first = measured[0]
  const fileMiB = first.fileBytes / 2 ** 20
  const growthAgainstFile = APIS.flatMap(({ name, short }) => {
    const u = uploads[name]
    return u ? [`${(u.proxied.bffPeakGrowthMiB / fileMiB).toFixed(2)}× the file's size in front of the ${short}`] : []
  })
  return (
    <ServerHtml>
      <Table {...scrollableTable('Workflow E: one large file, direct and through the BFF, for each API')} data-testid="bench-uploads">
        <thead>
          <Table.Tr>
            <Table.Th>API</Table.Th>
            <Table.Th>Direct: median (time)</Table.Th>
            <Table.Th>Through the BFF: median (time)</Table.Th>
            <Table.Th>Ratio, direct ÷ BFF (goal ≥ {UPLOAD_GOALS.minThroughputRatio})</Table.Th>
            <Table.Th>BFF memory added, direct</Table.Th>
            <Table.Th>BFF memory added, through the BFF</Table.Th>
            <Table.Th>BFF memory: before / peak</Table.Th>
          </Table.Tr>
        </thead>
        <tbody>
          {APIS.map(({ name, label }) => {
            const u = uploads[name]
            if (!u) {
              return (
                <Table.Tr key={name} data-api={name}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td {...{ colSpan: 6 }}>not measured</Table.Td>
                </Table.Tr>
              )
            }
            return (
              <Table.Tr key={name} data-api={name}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>{path(u.direct)}</Table.Td>
                <Table.Td>{path(u.proxied)}</Table.Td>
                <Table.Td><strong>{u.throughputRatio === null ? 'not measured' : u.throughputRatio.toFixed(2)}</strong></Table.Td>
                <Table.Td>{mib(u.direct.bffPeakGrowthMiB)}</Table.Td>
                <Table.Td>{mib(u.proxied.bffPeakGrowthMiB)}</Table.Td>
                <Table.Td>{mib(u.bffBaselineMiB)} / {mib(Math.max(u.direct.bffPeakMiB, u.proxied.bffPeakMiB))}</Table.Td>
              </Table.Tr>
            )
          })}
        </tbody>
      </Table>
      <p data-testid="bench-uploads-method">
        One file of {mib(fileMiB)} ({first.contentType}), uploaded {first.repetitions} times each way, taking turns; medians.
        Measured {first.date.slice(0, 16).replace('T', ' ')} UTC, load average {first.loadAverageAtStart.join(', ')} when it started. Memory is the
        BFF process&apos;s resident set, sampled every {first.sampleEveryMs} ms; &ldquo;added&rdquo; is the most it grew during one upload.
        Through the BFF, that growth was {growthAgainstFile.join(' and ')}.
      </p>
    </ServerHtml>
  )
}
