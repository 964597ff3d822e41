'use client'

import { useEffect, useState } from 'react'

type Measured = {
  route: string
  method: string
  components: { file: string; ownBytes: number; ownGzipBytes: number; withDependenciesBytes: number; withDependenciesGzipBytes: number }[]
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/**
 * The figures come from public/build-stats/client-js.json, which
 * scripts/measure-client-js.mjs writes from the production build's own chunks
 * after every `npm run build`. Without a build there is nothing to show.
 */
export function ClientJsTable() {
  const [measured, setMeasured] = useState<Measured | null | 'missing'>(null)
  useEffect(function loadMeasurements() {
    fetch('/build-stats/client-js.json')
      .then((response) => (response.ok ? response.json() : 'missing'))
      .then(setMeasured, () => setMeasured('missing'))
  }, [])

  if (measured === null) return <p>Loading the measurements…</p>
  if (measured === 'missing') return <p data-testid="client-js-missing">Not measured yet: run <code>npm run build</code>.</p>
  return (
    <table data-testid="client-js-table">
      <thead>
        <tr><th>Client component</th><th>Its module (min / gzip)</th><th>With what it adds (min / gzip)</th></tr>
      </thead>
      <tbody>
        {measured.components.map((c) => (
          <tr key={c.file} data-file={c.file}>
            <td><code>{c.file.replace(/^demos\//, '')}</code></td>
            <td>{kb(c.ownBytes)} / {kb(c.ownGzipBytes)}</td>
            <td>{kb(c.withDependenciesBytes)} / {kb(c.withDependenciesGzipBytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
