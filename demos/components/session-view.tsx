import type { SessionDetails } from '@/demos/lib/session/get-session-details'
import { AccessTokenCountdown } from './access-token-countdown'

/**
 * A Server Component: everything here was read on the server, from the
 * httpOnly cookies and the API. The browser gets claims and fingerprints,
 * never a token.
 */
export function SessionView({ claims, fingerprints, expiresAt, family }: SessionDetails) {
  return (
    <section className="bff-card" aria-labelledby="session-heading" data-testid="session-view">
      <h2 id="session-heading">Your session, as the server sees it</h2>
      <dl className="bff-facts">
        <dt>Access token</dt>
        <dd>
          <code data-testid="access-fingerprint">{fingerprints.access}</code>,{' '}
          {/* eslint-disable-next-line react-hooks/purity -- a Server Component renders once per request, never again in the browser: the render time is a fact of this response, like ago() and until() below. */}
          <AccessTokenCountdown expiresAt={expiresAt} renderedAt={Date.now()} />
        </dd>
        <dt>Refresh token</dt>
        <dd><code data-testid="refresh-fingerprint">{fingerprints.refresh ?? 'none'}</code></dd>
        {family && (
          <>
            <dt>Token family</dt>
            <dd><code>{family.familyIdPrefix}…</code>, started {ago(family.familyCreatedAt)}</dd>
            <dt>Absolute limit</dt>
            <dd>ends {until(family.familyExpiresAt)}, however often it rotates</dd>
            <dt>Rotations</dt>
            <dd data-testid="family-rotations">{family.rotations}</dd>
            <dt>Overlap answers</dt>
            <dd data-testid="family-overlap-reuses">
              {family.overlapReuses} (window: {family.overlapSeconds} s)
            </dd>
          </>
        )}
      </dl>
      <details open>
        <summary>Claims in the access token</summary>
        <dl className="bff-facts" data-testid="access-claims">
          {Object.entries(claims).map(([name, value]) => (
            <div key={name} style={{ display: 'contents' }}>
              <dt><code>{name}</code></dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  )
}

// Rendered once on the server, so plain durations: no clock or time zone of the reader's is needed.
function ago(iso: string) {
  return `${duration(Date.now() - Date.parse(iso))} ago`
}

function until(iso: string) {
  return `in ${duration(Date.parse(iso) - Date.now())}`
}

function duration(ms: number) {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days ${hours % 24} h`
}
