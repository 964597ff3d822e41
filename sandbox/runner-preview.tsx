'use client'

import { type RunnerError, RUNNER_URL, type SandboxFiles } from './runner/runner-protocol'
import { useRunner } from './use-runner'

/**
 * The preview, run by this site's own runner in an iframe. `sandbox` without
 * `allow-same-origin` gives the code an opaque origin: it cannot read the
 * site's cookies or storage, or call the site's API as the reader. The runner's
 * CSP header says the same, so the page is sandboxed even when opened directly.
 * `allow-forms` only lets a form fire its submit event, which React handles; the
 * CSP's `form-action 'none'` keeps any submission from going anywhere.
 */
type Props = {
  workflow: string
  entry: string
  files: SandboxFiles
  /** Called once, when the first run has rendered or failed. */
  onSettled?: () => void
}

export default function RunnerPreview({ workflow, entry, files, onSettled }: Props) {
  const { frameRef, frameKey, runId, status, error, entries, restart, dismissError, clearConsole } = useRunner({ workflow, entry, files, onSettled })
  return (
    <div className="bff-experiment-preview" data-status={status} data-run={runId}>
      <div className="bff-experiment-frame">
        <iframe key={frameKey} ref={frameRef} src={RUNNER_URL} title={`Preview of the ${workflow} experiment`} sandbox="allow-scripts allow-forms" />
        {error && <ErrorOverlay error={error} onDismiss={dismissError} />}
      </div>
      <div className="bff-experiment-console-bar">
        <span>Console</span>
        <button type="button" onClick={clearConsole}>Clear</button>
        <button type="button" onClick={restart}>Restart preview</button>
      </div>
      <div className="bff-experiment-console" role="log" aria-label={`Console of the ${workflow} experiment`}>
        {entries.map((entry) => (
          <div key={entry.id} data-level={entry.level}>{entry.text}</div>
        ))}
      </div>
    </div>
  )
}

function ErrorOverlay({ error, onDismiss }: { error: RunnerError; onDismiss: () => void }) {
  const where = error.file && [error.file.slice(1), error.line, error.column].filter((part) => part !== undefined).join(':')
  const details = error.kind === 'runtime' && error.stack ? error.stack.split('\n').slice(1).join('\n') : ''
  return (
    <div role="alert" className="bff-experiment-overlay" data-kind={error.kind}>
      <p>
        <strong>{error.kind === 'syntax' ? 'Syntax error' : 'Runtime error'}</strong>
        {where && <> in <code>{where}</code></>}
      </p>
      <pre>{[error.message, details].filter(Boolean).join('\n')}</pre>
      {error.kind === 'syntax' ? (
        <p>Fix the code: the preview runs again as you type.</p>
      ) : (
        <p>
          Fix the code, or <button type="button" onClick={onDismiss}>dismiss</button> this to keep using the preview.
        </p>
      )}
    </div>
  )
}
