import { readBenchResults, RESULTS_FILE, type BenchResults } from './read-bench-results'

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`
const mib = (value: number) => `${value.toFixed(0)} MiB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Which part of bench/results.json to show; each renders one table, or "not measured yet". */
type Part = 'machine' | 'proxy' | 'ttfb' | 'load' | 'quality' | 'bundle'

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

const VIEWS: Record<Part, (r: BenchResults) => React.ReactNode> = {
  machine: ({ date, mode, machine }) => (
    <ul data-testid="bench-machine">
      <li>Measured {date.slice(0, 16).replace('T', ' ')} UTC ({mode} run)</li>
      <li>{machine.cpus} cores ({machine.cpuModel}), {(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB memory, {machine.platform}</li>
      <li>Node.js {machine.node}; load average when the run started: {machine.loadAverageAtStart.join(', ')}</li>
    </ul>
  ),
  proxy: ({ proxyOverhead }) =>
    proxyOverhead && (
      <>
        <table data-testid="bench-proxy">
          <thead>
            <tr><th>Connections</th><th>Direct p50 / p99</th><th>Proxied p50 / p99</th><th>Added p50</th><th>Direct req/s</th><th>Proxied req/s</th><th>Throughput ratio</th></tr>
          </thead>
          <tbody>
            {proxyOverhead.map((row) => (
              <tr key={row.connections}>
                <td>{row.connections}</td>
                <td>{ms(row.direct.p50)} / {ms(row.direct.p99)}</td>
                <td>{ms(row.proxied.p50)} / {ms(row.proxied.p99)}</td>
                <td>{ms(row.addedP50Ms)}</td>
                <td>{row.direct.rps}</td>
                <td>{row.proxied.rps}</td>
                <td>{row.throughputRatio.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {proxyOverhead.map(
          (row) =>
            row.refusedBeforeHop && (
              <p key="floor" data-testid="bench-proxy-floor">
                The floor at 1 connection: a request the proxy route answers itself, before any hop (no cookie, so 401), has a p50 of{' '}
                {ms(row.refusedBeforeHop.p50)} (p99 {ms(row.refusedBeforeHop.p99)}): routing the request to the handler, the proxy&apos;s
                checks and a small answer, without the hop. A proxied request pays that and the API&apos;s own request on top.
              </p>
            ),
        )}
      </>
    ),
  ttfb: ({ renderTtfb: t }) =>
    t && (
      <table data-testid="bench-ttfb">
        <thead><tr><th>Page</th><th>Requests</th><th>TTFB p50</th><th>TTFB p99</th><th>Whole response p50</th><th>HTML</th></tr></thead>
        <tbody><tr><td><code>{t.path}</code></td><td>{t.requests}</td><td>{ms(t.p50)}</td><td>{ms(t.p99)}</td><td>{ms(t.fullResponseP50)}</td><td>{kb(t.htmlBytes)}</td></tr></tbody>
      </table>
    ),
  load: ({ loadIntegrity: l }) =>
    l && (
      <>
        <p data-testid="bench-load-summary">
          {l.users} users for {l.seconds} s: {l.iterations} loops, {l.requests} requests, {l.throughputRps} req/s, <strong>{l.errors} errors</strong>.
          Integrity: {l.integrity.acknowledgedWrites} acknowledged writes, <strong>{l.integrity.missingOrWrong} missing or wrong</strong>,{' '}
          <strong>{l.integrity.foreignGoalsSeen} goals seen by the wrong user</strong>. Server memory (RSS): {mib(l.rssMiB.before)} before,{' '}
          {mib(l.rssMiB.peakDuring)} at the peak, {mib(l.rssMiB.endOfLoad)} at the end of the load, {mib(l.rssMiB.afterIdle)} after 5 s idle.
        </p>
        <table data-testid="bench-load">
          <thead><tr><th>Step</th><th>Count</th><th>p50</th><th>p99</th><th>Errors</th></tr></thead>
          <tbody>
            {Object.entries(l.steps).map(([step, s]) => (
              <tr key={step}><td>{step}</td><td>{s.count}</td><td>{ms(s.p50)}</td><td>{ms(s.p99)}</td><td>{s.errors}</td></tr>
            ))}
          </tbody>
        </table>
      </>
    ),
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
