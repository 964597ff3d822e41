'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { type LoginInput, loginSchema } from '@/demos/lib/auth/login-schema'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { readProblem } from '@/demos/lib/http/read-problem'
import { DEMO_ACCOUNT } from '@/demos/lib/auth/demo-account'
import { PrivateAccountButton } from './private-account-button'

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: '', password: '' } })
  const { errors, isSubmitting } = form.formState

  // #region submit
  async function signIn(values: LoginInput) {
    setFailure(null)
    // 1. Post the credentials to the BFF, same origin. Nothing comes back but the user.
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [ANTI_FORGERY_HEADER]: '1' },
      body: JSON.stringify(values),
    }).catch(() => null)
    if (!response) {
      setFailure('The site could not be reached. Check your connection and try again.')
      return
    }
    if (!response.ok) {
      const { message, errors: fieldErrors } = await readProblem(response)
      for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
        if (field === 'email' || field === 'password') form.setError(field, { message: messages[0] })
      }
      setFailure(message)
      return
    }
    // 2. The cookies are set. Load the destination as a new document: the client
    //    router may hold a prefetch of a protected link made while signed out,
    //    which is proxy.ts's redirect back to this page, and a client navigation
    //    (even after router.refresh()) can replay it. A document load reuses nothing.
    window.location.assign(callbackUrl)
  }
  // #endregion submit

  return (
    <form className="bff-form" onSubmit={form.handleSubmit(signIn)} noValidate aria-describedby="login-failure">
      <label>
        Email
        <input type="email" autoComplete="username" {...form.register('email')} aria-invalid={!!errors.email} />
      </label>
      {errors.email && <p className="bff-field-error">{errors.email.message}</p>}
      <label>
        Password
        <input type="password" autoComplete="current-password" {...form.register('password')} aria-invalid={!!errors.password} />
      </label>
      {errors.password && <p className="bff-field-error">{errors.password.message}</p>}
      <p id="login-failure" role="alert" className="bff-error">{failure}</p>
      <div className="bff-actions">
        <button type="submit" disabled={isSubmitting}>{isSubmitting ? 'Signing in…' : 'Sign in'}</button>
        <button type="button" onClick={() => form.reset(DEMO_ACCOUNT)}>Fill in the demo account</button>
        <PrivateAccountButton callbackUrl={callbackUrl} onError={setFailure} />
      </div>
    </form>
  )
}
