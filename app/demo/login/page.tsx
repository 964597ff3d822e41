import type { Metadata } from 'next'
import { LoginPanel } from '@/demos/components/login-panel'
import { safeCallbackUrl } from '@/demos/lib/auth/safe-callback-url'

export const metadata: Metadata = { title: 'Demo: sign in' }

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> }

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams
  return (
    <main className="bff-demo-page">
      <h1>Sign in</h1>
      <LoginPanel callbackUrl={safeCallbackUrl(callbackUrl)} />
    </main>
  )
}
