'use client'

import { LogoutButton } from './logout-button'

type Props = { user: { name: string; role: string } | null }

/**
 * The signed-in user in the demo header. The server passes the user as props,
 * so the first paint already shows it; it is a client component only because
 * signing out needs a click handler. After router.refresh() the server renders
 * the layout again and new props arrive, without remounting this component.
 */
export function UserBadge({ user }: Props) {
  if (!user) return <p className="bff-user-badge" data-testid="user-badge">Not signed in · <a href="/demo/login">Sign in</a></p>
  return (
    <div className="bff-user-badge" data-testid="user-badge">
      <span>Signed in as <strong>{user.name}</strong> ({user.role})</span>
      <LogoutButton />
    </div>
  )
}
