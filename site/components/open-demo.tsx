'use client'

import { useState } from 'react'
import { PrivateAccountButton } from '@/demos/components/private-account-button'

/** The docs' way into a protected demo: one click to a private account, or the shared demo account. */
export function OpenDemo({ href, name }: { href: string; name: string }) {
  const [failure, setFailure] = useState<string | null>(null)
  return (
    <div className="bff-card" data-testid="open-demo">
      <p>
        <strong>{name}</strong> runs at <a href={href}><code>{href}</code></a>. Signed out, you are sent to sign in first and
        brought back. One click gives you a private account with its own 30 goals:
      </p>
      <div className="bff-actions">
        <PrivateAccountButton callbackUrl={href} onError={setFailure} />
        <a className="bff-button-link" href={href}>Open it (signed-in readers)</a>
      </div>
      {failure && <p role="alert" className="bff-error">{failure}</p>}
    </div>
  )
}
