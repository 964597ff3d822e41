// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { loginSchema } from '@/demos/lib/auth/login-schema'
import { type Edit, loadExperiment } from './load-experiment'

// Workflow A's experiment: the site's own login schema drives the form, and the
// cookie jar shows what page JavaScript can read.
afterEach(cleanup)

async function renderExperiment(edits: Edit[] = []) {
  const App = await loadExperiment('login', edits)
  render(<App />)
  fireEvent.change(screen.getByLabelText('Latency'), { target: { value: '0' } })
}

function submit({ email, password }: { email: string; password: string }) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } })
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } })
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
}

const messagesFor = (input: { email: string; password: string }) => loginSchema.safeParse(input).error!.issues.map((issue) => issue.message)
const requestLog = () => within(screen.getByRole('region', { name: 'Requests' }))

describe('the login experiment', () => {
  it("shows the site schema's field errors before any request", async () => {
    await renderExperiment()
    for (const input of [{ email: '', password: '' }, { email: 'not-an-email', password: 'x' }]) {
      submit(input)
      for (const message of messagesFor(input)) expect(await screen.findByText(message)).toBeTruthy()
    }
    expect(requestLog().getByText('None yet.')).toBeTruthy()
  })

  it('follows an edit to login-schema.ts, which is the site’s own file', async () => {
    await renderExperiment([{ file: '/login-schema.ts', find: "'Enter your password'", replace: "'Type the password'" }])
    submit({ email: 'demo@example.com', password: '' })
    expect(await screen.findByText('Type the password')).toBeTruthy()
  })

  it('signs in with the demo account; document.cookie then shows no token, until HttpOnly is switched off', async () => {
    await renderExperiment()
    submit({ email: 'demo@example.com', password: 'demo-password' })
    expect(await screen.findByText(/Signed in as Demo Reader/)).toBeTruthy()
    const readable = screen.getByLabelText('document.cookie')
    expect(readable.textContent).toBe('"theme=dark"')

    const access = screen.getByRole('row', { name: /__Host-bff\.access/ })
    fireEvent.click(within(access).getByRole('checkbox', { name: 'HttpOnly' }))
    expect(readable.textContent).toMatch(/^"__Host-bff\.access=eyJ[\w-]+\.[\w-]+\.[\w-]+; theme=dark"$/)
    expect(screen.getByRole('alert').textContent).toContain('An injected script can now copy __Host-bff.access')
    expect(requestLog().getByText('POST /api/auth/login → 200')).toBeTruthy()
  })

  it('says so when the fake BFF fails (failure switch) or refuses the password', async () => {
    await renderExperiment()
    fireEvent.click(screen.getByLabelText('Fail requests'))
    submit({ email: 'demo@example.com', password: 'demo-password' })
    expect((await screen.findByRole('alert')).textContent).toContain('The API is unavailable')
    expect(screen.getByLabelText('document.cookie').textContent).toBe('""')

    fireEvent.click(screen.getByLabelText('Fail requests'))
    submit({ email: 'demo@example.com', password: 'wrong-password' })
    expect(await screen.findByText('The email or password is incorrect.')).toBeTruthy()
    expect(requestLog().getAllByText(/POST \/api\/auth\/login → (401|503)/)).toHaveLength(2)
  })
})
