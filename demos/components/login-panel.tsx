import { DEMO_ACCOUNT } from '@/demos/lib/auth/demo-account'
import { LoginForm } from './login-form'

/** The live Workflow A demo: used by /demo/login and embedded in the docs page. */
export function LoginPanel({ callbackUrl }: { callbackUrl: string }) {
  return (
    <section className="bff-card" aria-label="Live sign-in demo">
      <p>
        Demo account: <code>{DEMO_ACCOUNT.email}</code> / <code>{DEMO_ACCOUNT.password}</code>. On a shared
        deployment, create a private account instead: it gets its own goals, which nobody else can see.
      </p>
      <LoginForm callbackUrl={callbackUrl} />
    </section>
  )
}
