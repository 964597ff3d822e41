import type { Metadata } from 'next'
import { AccountCard } from '@/demos/components/account-card'
import { verifySession } from '@/demos/lib/dal'

export const metadata: Metadata = { title: 'Demo: your account' }

export default async function AccountPage() {
  const session = await verifySession()
  return (
    <main className="bff-demo-page">
      <h1>Your account</h1>
      <AccountCard user={session.user} />
    </main>
  )
}
