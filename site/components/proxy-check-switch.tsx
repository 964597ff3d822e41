'use client'

import { useEffect, useState } from 'react'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'

/** The route protection page's live control: proxy.ts's check, on or off, for this browser only. */
export function ProxyCheckSwitch() {
  const [enabled, setEnabled] = useState<boolean | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(function loadSwitch() {
    fetch('/api/demo/proxy-check')
      .then((response) => response.json())
      .then((body: { enabled: boolean }) => setEnabled(body.enabled), () => setFailure('The site could not be reached.'))
  }, [])

  async function flip(next: boolean) {
    const response = await fetch('/api/demo/proxy-check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [ANTI_FORGERY_HEADER]: '1' },
      body: JSON.stringify({ enabled: next }),
    }).catch(() => null)
    if (!response?.ok) return setFailure('The switch could not be changed. Try again.')
    setFailure(null)
    setEnabled(next)
  }

  return (
    <div className="bff-card" data-testid="proxy-check-switch">
      <p role="status">
        proxy.ts check for this browser: <strong>{enabled === null ? '…' : enabled ? 'on' : 'off'}</strong>
      </p>
      <div className="bff-actions">
        <button type="button" disabled={enabled === null} onClick={() => flip(!enabled)}>
          {enabled === false ? 'Turn the proxy.ts check back on' : 'Turn the proxy.ts check off'}
        </button>
        <a className="bff-button-link" href="/demo/account">Open /demo/account</a>
      </div>
      {failure && <p role="alert" className="bff-error">{failure}</p>}
    </div>
  )
}
