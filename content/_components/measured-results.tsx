import { Table } from 'nextra/components'
import type { LoadIntegrityResult } from '@/bench/load-integrity'
import type { ApiName, ProxyOverheadResult } from '@/bench/proxy-overhead'
import { formatFigure, kib, ms } from '@/site/components/measured/format-figure'
import { MeasuredChart } from '@/site/components/measured/measured-chart'
import { PageQualityTable } from '@/site/components/measured/page-quality-table'
import { scrollableTable } from '@/site/components/measured/scrollable-table'
import { ServerHtml } from '@/site/components/server-html'
import { readBenchResults, RESULTS_FILE, type BenchResults } from '@/site/lib/measured/read-bench-results'

const mib = (value: number) => `${value.toFixed(0)} MiB`

/** Which part of bench/results.json to show; each renders one table, or "not measured yet". */
type Part = 'machine' | 'apis' | 'proxy' | 'ttfb' | 'load' | 'quality' | 'bundle'

// A server component: the numbers are read from the committed file when the page is built.
export function MeasuredResults({ part }: { part: Part }) {
  const results = readBenchResults()
  if (!results) return <NotMeasured />
  const view = VIEWS[part](results)
  return view ? <ServerHtml>{view}</ServerHtml> : <NotMeasured />
}

function NotMeasured() {
  return (
    <p data-testid="not-measured">
      Not measured yet: run <code>npm run bench</code>, which writes <code>{RESULTS_FILE}</code>.
    </p>
  )
}

const APIS: { name: ApiName; label: string; short: string }[] = [
  { name: 'mock', label: 'Mock (TypeScript, in the site)', short: 'mock' },
  { name: 'dotnet', label: '.NET API (ASP.NET Core)', short: '.NET API' },
]

/** A cell of an API this run did not measure (the reason is in the 'apis' part): never an older figure. */
const NOT_MEASURED = 'not measured'

/** The proxy table's arms, each beside the one it is compared with. */
const PROXY_COLUMNS = [
  { key: 'direct', label: 'Direct' },
  { key: 'naive', label: 'Naive proxy' },
  { key: 'proxied', label: "This site's proxy" },
] as const

// The theme types its cells with the attributes of any element, without colSpan;
// a spread passes it to the <td> the cell renders.
const SPAN_FIGURES = { colSpan: 6 }

/** A requirement of 0, said in words: the run fails on anything else, and so does the page's claim. */
const zeroRequired = (count: number) => (count === 0 ? '0 (met)' : `${count} (missed)`)

const mibRow = (m: LoadIntegrityResult['rssMiB']) => `${mib(m.before)} / ${mib(m.peakDuring)} / ${mib(m.endOfLoad)} / ${mib(m.afterIdle)}`

const VIEWS: Record<Part, (r: BenchResults) => React.ReactNode> = {
  machine: ({ date, mode, machine }) => (
    <ul data-testid="bench-machine">
      <li>Measured {date.slice(0, 16).replace('T', ' ')} UTC ({mode} run)</li>
      <li>{machine.cpus} cores ({machine.cpuModel}), {(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB memory, {machine.platform}</li>
      <li>Node.js {machine.node}; load average when the run started: {machine.loadAverageAtStart.join(', ')}</li>
    </ul>
  ),
  apis: (r) => (
    <ul data-testid="bench-apis">
      <li>Mock: the TypeScript API in <code>mocks/</code>, served by the site itself at <code>/dotnet</code>, so it shares the site&apos;s Node.js process.</li>
      {r.dotnetApi.measured ? (
        <li>
          .NET API: <code>dotnet/Api</code> on .NET SDK {r.dotnetApi.sdk}, in its own process, behind a second server of the same build with{' '}
          <code>DOTNET_API_URL</code> pointing at it. Settings beside <code>appsettings.json</code>:{' '}
          {Object.entries(r.dotnetApi.settings).map(([key, value], i) => (
            <span key={key}>{i > 0 && ', '}<code>{key}={value}</code></span>
          ))}
          .
        </li>
      ) : (
        <li data-testid="bench-dotnet-not-measured"><strong>.NET API: not measured in this run</strong>: {r.dotnetApi.reason}. Its columns below say so.</li>
      )}
      {r.passwordCost && (
        <li data-testid="bench-password-cost">
          One password hash, timed side by side at the start of the run ({r.passwordCost.samples} of each, median): the mock&apos;s{' '}
          {r.passwordCost.mockScrypt.params}, {ms(r.passwordCost.mockScrypt.medianMs)}; the .NET API&apos;s {r.passwordCost.dotnetPbkdf2.params},{' '}
          {ms(r.passwordCost.dotnetPbkdf2.medianMs)}.
        </li>
      )}
    </ul>
  ),
  proxy: (r) =>
    r.proxyOverhead && (
      <>
        <MeasuredChart chart="proxy-throughput" />
        <MeasuredChart chart="proxy-latency" />
        <Table {...scrollableTable('Proxy overhead for each API and connection count')} data-testid="bench-proxy">
          <thead>
            <Table.Tr>
              <Table.Th>API</Table.Th><Table.Th>Connections</Table.Th>
              {PROXY_COLUMNS.map(({ key, label }) => <Table.Th key={key}>{label}: p50 / p99, req/s</Table.Th>)}
              <Table.Th>Added p50</Table.Th><Table.Th>This site ÷ direct</Table.Th><Table.Th>This site ÷ naive</Table.Th>
            </Table.Tr>
          </thead>
          <tbody>
            {connectionCounts(r.proxyOverhead).flatMap((connections) =>
              APIS.map(({ name, label }) => {
                const row = r.proxyOverhead![name]?.find((row) => row.connections === connections)
                if (!row) return <Table.Tr key={`${name} ${connections}`} data-api={name}><Table.Td>{label}</Table.Td><Table.Td>{connections}</Table.Td><Table.Td {...SPAN_FIGURES}>{NOT_MEASURED}</Table.Td></Table.Tr>
                return (
                  <Table.Tr key={`${name} ${connections}`} data-api={name}>
                    <Table.Td>{label}</Table.Td>
                    <Table.Td>{connections}</Table.Td>
                    {PROXY_COLUMNS.map(({ key }) => {
                      const figures = row[key]
                      return <Table.Td key={key}>{figures ? `${ms(figures.p50)} / ${ms(figures.p99)}, ${figures.rps}/s` : NOT_MEASURED}</Table.Td>
                    })}
                    <Table.Td>{ms(row.addedP50Ms)}</Table.Td>
                    <Table.Td>{row.throughputRatio.toFixed(2)}</Table.Td>
                    <Table.Td>{row.siteOverNaiveThroughput === undefined ? NOT_MEASURED : row.siteOverNaiveThroughput.toFixed(2)}</Table.Td>
                  </Table.Tr>
                )
              }),
            )}
          </tbody>
        </Table>
        <p data-testid="bench-proxy-floor">
          The floor at 1 connection: a request the proxy route answers itself, before any hop (no cookie, so 401), has a p50 of{' '}
          {APIS.flatMap(({ name, short }) => {
            const floor = r.proxyOverhead![name]?.find((row) => row.refusedBeforeHop)?.refusedBeforeHop
            return floor ? [`${ms(floor.p50)} (p99 ${ms(floor.p99)}) on the ${short}'s site`] : []
          }).join(' and ')}
          : routing the request to the handler, the proxy&apos;s checks and a small answer, without the hop. A proxied request pays that and
          the API&apos;s own request on top.
        </p>
        {proxyLoad(r.proxyOverhead) && <p data-testid="bench-proxy-load">Load average when these rounds started: {proxyLoad(r.proxyOverhead)}.</p>}
      </>
    ),
  ttfb: ({ renderTtfb: t }) =>
    t && (
      <Table {...scrollableTable('Server render of the goals demo')} data-testid="bench-ttfb">
        <thead><Table.Tr><Table.Th>Page</Table.Th><Table.Th>Requests</Table.Th><Table.Th>TTFB p50</Table.Th><Table.Th>TTFB p99</Table.Th><Table.Th>Whole response p50</Table.Th><Table.Th>HTML</Table.Th></Table.Tr></thead>
        <tbody><Table.Tr><Table.Td><code>{t.path}</code></Table.Td><Table.Td>{t.requests}</Table.Td><Table.Td>{ms(t.p50)}</Table.Td><Table.Td>{ms(t.p99)}</Table.Td><Table.Td>{ms(t.fullResponseP50)}</Table.Td><Table.Td>{kib(t.htmlBytes)}</Table.Td></Table.Tr></tbody>
      </Table>
    ),
  load: (r) => {
    const loads = r.loadIntegrity
    if (!loads) return null
    const each = (cell: (l: LoadIntegrityResult) => React.ReactNode) =>
      APIS.map(({ name }) => {
        const l = loads[name]
        return <Table.Td key={name}>{l ? cell(l) : NOT_MEASURED}</Table.Td>
      })
    const steps = Object.keys(loads.mock?.steps ?? loads.dotnet?.steps ?? {}) as (keyof LoadIntegrityResult['steps'])[]
    return (
      <>
        <Table {...scrollableTable('Load run: totals and data integrity for each API')} data-testid="bench-load-summary">
          <thead><Table.Tr><Table.Th></Table.Th>{APIS.map(({ name, label }) => <Table.Th key={name}>{label}</Table.Th>)}</Table.Tr></thead>
          <tbody>
            <Table.Tr><Table.Td>Users × seconds</Table.Td>{each((l) => `${l.users} × ${l.seconds} s`)}</Table.Tr>
            {(loads.mock?.loadAverageAtStart || loads.dotnet?.loadAverageAtStart) && (
              <Table.Tr><Table.Td>Load average when this load started</Table.Td>{each((l) => l.loadAverageAtStart?.join(', ') ?? 'not recorded')}</Table.Tr>
            )}
            <Table.Tr><Table.Td>Loops / requests</Table.Td>{each((l) => `${l.iterations} / ${l.requests}`)}</Table.Tr>
            <Table.Tr><Table.Td>Throughput</Table.Td>{each((l) => `${l.throughputRps} req/s`)}</Table.Tr>
            <Table.Tr><Table.Td>Errors</Table.Td>{each((l) => <strong>{l.errors}</strong>)}</Table.Tr>
            <Table.Tr><Table.Td>Acknowledged writes</Table.Td>{each((l) => l.integrity.acknowledgedWrites)}</Table.Tr>
            <Table.Tr data-testid="bench-load-lost"><Table.Td><strong>Lost acknowledged writes</strong> (required: 0)</Table.Td>{each((l) => <strong>{zeroRequired(l.integrity.missingOrWrong)}</strong>)}</Table.Tr>
            <Table.Tr><Table.Td><strong>Goals seen by the wrong user</strong> (required: 0)</Table.Td>{each((l) => <strong>{zeroRequired(l.integrity.foreignGoalsSeen)}</strong>)}</Table.Tr>
            <Table.Tr><Table.Td>Site server memory (RSS): before / peak / end of load / after idling</Table.Td>{each((l) => mibRow(l.rssMiB))}</Table.Tr>
            <Table.Tr><Table.Td>API process memory (RSS), same points</Table.Td>{each((l) => (l.apiRssMiB ? mibRow(l.apiRssMiB) : 'inside the site server'))}</Table.Tr>
          </tbody>
        </Table>
        <MeasuredChart chart="load-steps" />
        <Table {...scrollableTable('Load run: each step for each API')} data-testid="bench-load">
          <thead>
            <Table.Tr><Table.Th>Step</Table.Th>{APIS.map(({ name, label }) => <Table.Th key={name}>{label}: count, p50 / p99, errors</Table.Th>)}</Table.Tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <Table.Tr key={step}>
                <Table.Td>{step}</Table.Td>
                {each((l) => `${l.steps[step].count}, ${ms(l.steps[step].p50)} / ${ms(l.steps[step].p99)}, ${l.steps[step].errors}`)}
              </Table.Tr>
            ))}
          </tbody>
        </Table>
      </>
    )
  },
  quality: ({ pageQuality: q }) =>
    q &&
    (q.bare ? (
      <PageQualityTable quality={q} />
    ) : (
      // A run from before the bare baseline: its scores, with nothing to set them beside.
      <Table {...scrollableTable('Lighthouse scores for each page and form factor')} data-testid="bench-quality">
        <thead>
          <Table.Tr><Table.Th>Page</Table.Th><Table.Th>Form factor</Table.Th><Table.Th>Performance</Table.Th><Table.Th>Accessibility ({q.goals.accessibility})</Table.Th><Table.Th>Best practices ({q.goals['best-practices']})</Table.Th><Table.Th>LCP / TBT / CLS</Table.Th></Table.Tr>
        </thead>
        <tbody>
          {q.rows.map((row) => (
            <Table.Tr key={`${row.path} ${row.formFactor}`}>
              <Table.Td><code>{row.path}</code></Table.Td>
              <Table.Td>{row.formFactor}</Table.Td>
              <Table.Td>{row.scores.performance}</Table.Td>
              <Table.Td>{row.scores.accessibility}</Table.Td>
              <Table.Td>{row.scores['best-practices']}</Table.Td>
              <Table.Td>{ms(row.metrics.lcpMs)} / {ms(row.metrics.tbtMs)} / {row.metrics.cls.toFixed(3)}</Table.Td>
            </Table.Tr>
          ))}
        </tbody>
      </Table>
    )),
  bundle: ({ bundleBudgets: b }) =>
    b && (
      <>
        <MeasuredChart chart="bundle" />
        <Table {...scrollableTable("First-load JavaScript of each page, beside the bare Nextra page's")} data-testid="bench-bundle">
          <thead>
            <Table.Tr>
              <Table.Th>Page</Table.Th><Table.Th>Chunks</Table.Th><Table.Th>First-load JS (min / gzip)</Table.Th>
              <Table.Th>Over the bare page (limit {kib(b.overBareLimitBytes)})</Table.Th><Table.Th>The demo page&rsquo;s own code</Table.Th>
              <Table.Th>Loaded near the screen</Table.Th>
            </Table.Tr>
          </thead>
          <tbody>
            <Table.Tr>
              <Table.Td>the bare Nextra page</Table.Td>
              <Table.Td>{b.bare.chunks}</Table.Td>
              <Table.Td>{kib(b.bare.bytes)} / {kib(b.bare.gzipBytes)}</Table.Td>
              <Table.Td>–</Table.Td><Table.Td>–</Table.Td><Table.Td>–</Table.Td>
            </Table.Tr>
            {b.rows.map((row) => (
              <Table.Tr key={row.route}>
                <Table.Td><code>{row.route}</code></Table.Td>
                <Table.Td>{row.chunks}</Table.Td>
                <Table.Td>{kib(row.bytes)} / {kib(row.gzipBytes)}</Table.Td>
                <Table.Td>{formatFigure(row.overBareGzipBytes, 'bytes')}</Table.Td>
                <Table.Td>{row.kind === 'demo' ? kib(row.ownGzipBytes) : '–'}</Table.Td>
                <Table.Td>{row.nearScreenGzipBytes ? kib(row.nearScreenGzipBytes) : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </tbody>
        </Table>
      </>
    ),
}

/** The load average at the start of each connection count's rounds, when the run recorded it (a merged section keeps its own). */
function proxyLoad(proxy: Partial<Record<ApiName, ProxyOverheadResult[]>>): string | null {
  const rows = (proxy.mock ?? proxy.dotnet ?? []).filter((row) => row.loadAverageAtStart)
  if (!rows.length) return null
  return rows.map((row) => `${row.loadAverageAtStart!.join(', ')} (${row.connections} connection${row.connections === 1 ? '' : 's'})`).join('; ')
}

/** The connection counts measured, in the order measured, whichever APIs have them. */
function connectionCounts(proxy: Partial<Record<ApiName, ProxyOverheadResult[]>>): number[] {
  return [...new Set(APIS.flatMap(({ name }) => proxy[name]?.map((row) => row.connections) ?? []))]
}
