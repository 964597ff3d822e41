'use client'

import { useState } from 'react'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { readProblem } from '@/demos/lib/http/read-problem'

type Props = { callbackUrl: string; onError: (message: string | null) => void }

/**
 * One click to a throwaway account with its own seeded goals, so a reader on a
 * public deployment never sees, or changes, anyone else's data. The password is
 * random and never shown: the session lives in the cookies, and the account is
 * evicted when the API reaches its account cap.
 */
export function PrivateAccountButton({ callbackUrl, onError }: Props) {
  const [busy, setBusy] = useState(false)

  async function createAccount() {
    setBusy(true)
    onError(null)
    const id = crypto.randomUUID().slice(0, 8)
    const password = crypto.randomUUID()
    const response = await fetch('/api/auth/register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [ANTI_FORGERY_HEADER]: '1' },
      body: JSON.stringify({ name: `Reader ${id}`, email: `reader-${id}@demo.example`, password }),
    }).catch(() => null)
    if (!response?.ok) {
      setBusy(false)
      onError(response ? (await readProblem(response)).message : 'The site could not be reached.')
      return
    }
    // A new document, for the reason given in login-form.tsx (step 2).
    window.location.assign(callbackUrl)
  }

  return (
    <button type="button" onClick={createAccount} disabled={busy}>
      {busy ? 'Creating…' : 'Create a private demo account'}
    </button>
  )
}
