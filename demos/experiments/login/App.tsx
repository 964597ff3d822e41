import { type FormEvent, useState } from 'react'
import { z } from 'zod'
import { CookieJar } from './cookie-jar'
import { DEMO_ACCOUNT } from './demo-account'
import { fakeLogin, type SignedIn } from './fake-api'
import { NetworkSwitches, RequestLog } from './fake-network'
import { loginSchema } from './login-schema'

type FieldErrors = { email?: string[]; password?: string[] }

export default function App() {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null)
  const [pending, setPending] = useState(false)

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    // 1. The site's own schema (login-schema.ts): field errors before any request.
    const parsed = loginSchema.safeParse({ email: form.get('email'), password: form.get('password') })
    setErrors(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors)
    if (!parsed.success) return
    // 2. Post to the (fake) BFF. The server validates again: it never trusts the form.
    setPending(true)
    setFailure(null)
    try {
      setSignedIn(await fakeLogin(parsed.data))
    } catch (error) {
      setFailure((error as Error).message)
    } finally {
      setPending(false)
    }
  }

  return (
    <>
      <h1>Sign in with the shared schema</h1>
      <NetworkSwitches />
      <p>
        The demo account: <code>{DEMO_ACCOUNT.email}</code> / <code>{DEMO_ACCOUNT.password}</code>
      </p>
      <form onSubmit={signIn} noValidate>
        <label>
          Email
          <input name="email" type="email" defaultValue={DEMO_ACCOUNT.email} aria-invalid={!!errors.email} />
        </label>
        {errors.email?.map((message) => <p key={message} className="error">{message}</p>)}
        <label>
          Password
          <input name="password" type="password" aria-invalid={!!errors.password} />
        </label>
        {errors.password?.map((message) => <p key={message} className="error">{message}</p>)}
        <button type="submit" disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</button>
        {failure && <p role="alert">{failure}</p>}
      </form>
      {signedIn && <p>Signed in as {signedIn.user.name}. The body held no token; the cookies did.</p>}
      <CookieJar cookies={signedIn?.cookies ?? []} />
      <RequestLog />
    </>
  )
}
