'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'

export function LogoutButton() {
  const router = useRouter()
  const [failure, setFailure] = useState<string | null>(null)

  async function signOut() {
    const response = await fetch('/api/auth/logout', { method: 'POST', headers: { [ANTI_FORGERY_HEADER]: '1' } }).catch(() => null)
    if (!response?.ok) {
      setFailure('Sign-out failed. Try again.')
      return
    }
    // The cookies are gone; re-render so nothing shows the old user.
    router.push('/demo/login')
    router.refresh()
  }

  return (
    <>
      <button type="button" onClick={signOut}>Sign out</button>
      {failure && <p role="alert" className="bff-error">{failure}</p>}
    </>
  )
}
