import { SkipNavContent } from 'nextra/components'
import type { ReactNode } from 'react'
import { QueryProvider } from '@/demos/components/query-provider'
import { UserBadge } from '@/demos/components/user-badge'
import { WireInspector } from '@/site/components/wire-inspector/wire-inspector'
import { getSession } from '@/demos/lib/dal'

// Every live demo shares one browser QueryClient (see get-query-client.ts) and
// a header with the signed-in user. getSession() is cached per request, so the
// page's own session check costs no second API call.
export default async function DemoLayout({ children }: { children: ReactNode }) {
  // An API failure here must not take the page's own error boundary away.
  const session = await getSession().catch(() => null)
  // When this was rendered: a tab that shows it after a sign-out elsewhere
  // leaves, one that shows it after a later sign-in stays (use-sign-out-elsewhere.ts).
  // eslint-disable-next-line react-hooks/purity -- rendered once per request (it reads cookies), so this is that request's time
  const renderedAt = Date.now()
  return (
    <QueryProvider renderedAt={renderedAt}>
      {/* The theme's "Skip to Content" link targets this; docs pages get it from their MDX wrapper. */}
      <SkipNavContent />
      <header className="bff-demo-page bff-demo-header">
        <UserBadge user={session && { name: session.user.name, role: session.user.role }} />
      </header>
      {children}
      {/* Loaded when the page is idle; it records this visitor's hops from then on. */}
      <div className="bff-demo-page">
        <WireInspector />
      </div>
    </QueryProvider>
  )
}
