import type { LoadIntegrityResult } from '@/bench/load-integrity'
import type { ApiName, ProxyOverheadResult } from '@/bench/proxy-overhead'
import { readBenchResults, RESULTS_FILE, type BenchResults } from './read-bench-results'

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`
const mib = (value: number) => `${value.toFixed(0)} MiB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Which part of bench/results.json to show; each renders one table, or "not measured yet". */
type Part = 'machine' | 'apis' | 'proxy' | 'ttfb' | 'load' | 'quality' | 'bundle'

// A server component: the numbers are read from the committed file when the page is built.
export function MeasuredResults({ part }: { part: Part }) {
  const results = readBenchResults()
  if (!results) return <NotMeasured />
  const view = VIEWS[part](results)
  return view ?? <NotMeasured />
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
        <table data-testid="bench-proxy">
          <thead>
            <tr><th>API</th><th>Connections</th><th>Direct p50 / p99</th><th>Proxied p50 / p99</th><th>Added p50</th><th>Direct req/s</th><th>Proxied req/s</th><th>Throughput ratio</th></tr>
          </thead>
          <tbody>
            {connectionCounts(r.proxyOverhead).flatMap((connections) =>
              APIS.map(({ name, label }) => {
                const row = r.proxyOverhead![name]?.find((row) => row.connections === connections)
                if (!row) return <tr key={`${name} ${connections}`} data-api={name}><td>{label}</td><td>{connections}</td><td colSpan={6}>{NOT_MEASURED}</td></tr>
                return (
                  <tr key={`${name} ${connections}`} data-api={name}>
                    <td>{label}</td>
                    <td>{connections}</td>
                    <td>{ms(row.direct.p50)} / {ms(row.direct.p99)}</td>
                    <td>{ms(row.proxied.p50)} / {ms(row.proxied.p99)}</td>
                    <td>{ms(row.addedP50Ms)}</td>
                    <td>{row.direct.rps}</td>
                    <td>{row.proxied.rps}</td>
                    <td>{row.throughputRatio.toFixed(2)}</td>
                  </tr>
                )
              }),
            )}
          </tbody>
        </table>
        <p data-testid="bench-proxy-floor">
          The floor at 1 connection: a request the proxy route answers itself, before any hop (no cookie, so 401), has a p50 of{' '}
          {APIS.flatMap(({ name, short }) => {
            const floor = r.proxyOverhead![name]?.find((row) => row.refusedBeforeHop)?.refusedBeforeHop
            return floor ? [`${ms(floor.p50)} (p99 ${ms(floor.p99)}) on the ${short}'s site`] : []
          }).join(' and ')}
          : routing the request to the handler, the proxy&apos;s checks and a small answer, without the hop. A proxied request pays that and
          the API&apos;s own request on top.
        </p>
      </>
    ),
  ttfb: ({ renderTtfb: t }) =>
    t && (
      <table data-testid="bench-ttfb">
        <thead><tr><th>Page</th><th>Requests</th><th>TTFB p50</th><th>TTFB p99</th><th>Whole response p50</th><th>HTML</th></tr></thead>
        <tbody><tr><td><code>{t.path}</code></td><td>{t.requests}</td><td>{ms(t.p50)}</td><td>{ms(t.p99)}</td><td>{ms(t.fullResponseP50)}</td><td>{kb(t.htmlBytes)}</td></tr></tbody>
      </table>
    ),
  load: (r) => {
    const loads = r.loadIntegrity
    if (!loads) return null
    const each = (cell: (l: LoadIntegrityResult) => React.ReactNode) =>
      APIS.map(({ name }) => {
        const l = loads[name]
        return <td key={name}>{l ? cell(l) : NOT_MEASURED}</td>
      })
    const steps = Object.keys(loads.mock?.steps ?? loads.dotnet?.steps ?? {}) as (keyof LoadIntegrityResult['steps'])[]
    return (
      <>
        <table data-testid="bench-load-summary">
          <thead><tr><th></th>{APIS.map(({ name, label }) => <th key={name}>{label}</th>)}</tr></thead>
          <tbody>
            <tr><td>Users × seconds</td>{each((l) => `${l.users} × ${l.seconds} s`)}</tr>
            {(loads.mock?.loadAverageAtStart || loads.dotnet?.loadAverageAtStart) && (
              <tr><td>Load average when this load started</td>{each((l) => l.loadAverageAtStart?.join(', ') ?? 'not recorded')}</tr>
            )}
            <tr><td>Loops / requests</td>{each((l) => `${l.iterations} / ${l.requests}`)}</tr>
            <tr><td>Throughput</td>{each((l) => `${l.throughputRps} req/s`)}</tr>
            <tr><td>Errors</td>{each((l) => <strong>{l.errors}</strong>)}</tr>
            <tr><td>Acknowledged writes</td>{each((l) => l.integrity.acknowledgedWrites)}</tr>
            <tr data-testid="bench-load-lost"><td><strong>Lost acknowledged writes</strong> (required: 0)</td>{each((l) => <strong>{zeroRequired(l.integrity.missingOrWrong)}</strong>)}</tr>
            <tr><td><strong>Goals seen by the wrong user</strong> (required: 0)</td>{each((l) => <strong>{zeroRequired(l.integrity.foreignGoalsSeen)}</strong>)}</tr>
            <tr><td>Site server memory (RSS): before / peak / end of load / after 5 s idle</td>{each((l) => mibRow(l.rssMiB))}</tr>
            <tr><td>API process memory (RSS), same points</td>{each((l) => (l.apiRssMiB ? mibRow(l.apiRssMiB) : 'inside the site server'))}</tr>
          </tbody>
        </table>
        <table data-testid="bench-load">
          <thead>
            <tr><th>Step</th>{APIS.map(({ name, label }) => <th key={name}>{label}: count, p50 / p99, errors</th>)}</tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step}>
                <td>{step}</td>
                {each((l) => `${l.steps[step].count}, ${ms(l.steps[step].p50)} / ${ms(l.steps[step].p99)}, ${l.steps[step].errors}`)}
              </tr>
            ))}
          </tbody>
        </table>
      </>
    )
  },
  quality: ({ pageQuality: q }) =>
    q && (
      <table data-testid="bench-quality">
        <thead>
          <tr><th>Page</th><th>Form factor</th><th>Performance (goal {q.goals.performance})</th><th>Accessibility ({q.goals.accessibility})</th><th>Best practices ({q.goals['best-practices']})</th><th>LCP / TBT / CLS</th></tr>
        </thead>
        <tbody>
          {q.rows.map((row) => (
            <tr key={`${row.path} ${row.formFactor}`}>
              <td><code>{row.path}</code></td>
              <td>{row.formFactor}</td>
              <td>{row.scores.performance}</td>
              <td>{row.scores.accessibility}</td>
              <td>{row.scores['best-practices']}</td>
              <td>{ms(row.metrics.lcpMs)} / {ms(row.metrics.tbtMs)} / {row.metrics.cls.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ),
  bundle: ({ bundleBudgets: b }) =>
    b && (
      <table data-testid="bench-bundle">
        <thead><tr><th>Page</th><th>Chunks</th><th>First-load JS (min / gzip)</th><th>Budget (gzip)</th></tr></thead>
        <tbody>
          {b.rows.map((row) => (
            <tr key={row.route}>
              <td><code>{row.route}</code></td>
              <td>{row.chunks}</td>
              <td>{kb(row.bytes)} / {kb(row.gzipBytes)}</td>
              <td>{row.budgetGzipBytes === null ? 'none' : kb(row.budgetGzipBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ),
}

/** The connection counts measured, in the order measured, whichever APIs have them. */
function connectionCounts(proxy: Partial<Record<ApiName, ProxyOverheadResult[]>>): number[] {
  return [...new Set(APIS.flatMap(({ name }) => proxy[name]?.map((row) => row.connections) ?? []))]
}
