'use client'

import { useRouter } from 'next/navigation'
import { useTransition } from 'react'

type Props = { title: string; testId: string; error: Error & { digest?: string }; reset: () => void }

/** What an error boundary of a demo page shows when the API failed during the server render. */
export function ServerErrorPanel({ title, testId, error, reset }: Props) {
  const router = useRouter()
  const [retrying, startTransition] = useTransition()

  function retry() {
    // The failure happened in a Server Component: render it again on the server,
    // then clear the boundary once the new payload is in.
    startTransition(() => {
      router.refresh()
      reset()
    })
  }

  return (
    <main className="bff-demo-page">
      <h1>{title}</h1>
      <div role="alert" className="bff-error-box" data-testid={testId}>
        {/* In production React replaces server error messages with a generic one, so nothing internal leaks; the digest matches the server log. */}
        <p>{error.message}</p>
        {error.digest && <p>Reference: <code>{error.digest}</code></p>}
        <p>The API may be down or too slow. If you switched on &quot;API down&quot; in the demo controls, switch it off first.</p>
        <button type="button" onClick={retry} disabled={retrying}>{retrying ? 'Retrying…' : 'Try again'}</button>
      </div>
    </main>
  )
}
