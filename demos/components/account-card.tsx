import type { Session } from '@/demos/lib/dal'

/** A Server Component: the user came from GET /api/users/me, server to server. */
export function AccountCard({ user }: Session) {
  return (
    <section className="bff-card" aria-labelledby="account-heading">
      <h2 id="account-heading">Signed in as {user.name}</h2>
      <dl className="bff-facts">
        <dt>Email</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
        <dt>User id</dt>
        <dd><code>{user.id}</code></dd>
      </dl>
      <p>
        This page was rendered on the server: the BFF read your httpOnly cookie and called
        <code> GET /api/users/me</code> on the API with the bearer token. Your browser never held it. Sign out from the header above.
      </p>
      <p>
        <a href="/demo/session">See your session</a>: the token&apos;s claims, when it expires, and how it is refreshed.
      </p>
    </section>
  )
}
