'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { broadcastSignOut } from '@/demos/lib/query/sign-out-broadcast'

export function LogoutButton() {
  const router = useRouter()
  const queryClient = useQueryClient()
  const [failure, setFailure] = useState<string | null>(null)

  async function signOut() {
    // 1. The BFF revokes the session at the API and deletes both cookies.
    const response = await fetch('/api/auth/logout', { method: 'POST', headers: { [ANTI_FORGERY_HEADER]: '1' } }).catch(() => null)
    if (!response?.ok) {
      setFailure('Sign-out failed. Try again.')
      return
    }
    // 2. The cookies are gone, but this tab's cache still holds the reader's
    //    data: drop it, so no later render, prefetch or Back can show it.
    queryClient.clear()
    // 3. The other tabs share the cookies, not this memory: tell them.
    broadcastSignOut()
    // 4. Re-render without the session; refresh() also drops the router's cached pages.
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
