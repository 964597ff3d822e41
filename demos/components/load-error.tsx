/** A query that failed to load: what failed, why, and a way to ask again. */
export function LoadError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <div role="alert" className="bff-error-box">
      <p>
        {what} could not be loaded: {error.message}
      </p>
      <button type="button" onClick={onRetry}>Try again</button>
    </div>
  )
}
