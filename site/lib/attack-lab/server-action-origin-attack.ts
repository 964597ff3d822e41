import 'server-only'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { dotnetApiUrl } from '@/demos/lib/http/api-config'
import type { LabStep } from './lab-attack-names'
import { serverActionFields } from './server-action-fields'

// Another host of the same site, such as another app under the same domain:
// SameSite=Lax sends the cookies along from there, so only the Origin is left.
const SIBLING_ORIGIN = 'https://sibling.example.com'

/**
 * The demo's Server Action posted WITH the caller's session cookie, as a page
 * on a sibling subdomain could make the browser post it: same-site, so
 * SameSite=Lax does not hold the cookie back. Server Actions carry no `x-csrf`;
 * what is left is Next.js's check that the Origin is the Host (or one of
 * `serverActions.allowedOrigins`), and it must refuse before the action runs.
 */
export async function serverActionFromSibling(site: string, token: string): Promise<LabStep[]> {
  const cookie = `${ACCESS_COOKIE}=${token}`
  const label = `POST /demo/goals (the Server Action) with your cookie, Origin: ${SIBLING_ORIGIN}`
  // 1. The action's hidden fields, from the goals page as it is served to you.
  const page = await fetch(`${site}/demo/goals`, { headers: { cookie }, redirect: 'manual' })
  const fields = serverActionFields(await page.text())
  if (fields.length === 0) return [{ label, status: page.status, blocked: false, detail: 'The goals page had no Server Action form to copy; nothing was tried.' }]

  // 2. The form as the attacker's page would post it, with a title to look for afterwards.
  const title = `CSRF server-action ${crypto.randomUUID().slice(0, 8)}`
  const form = new FormData()
  for (const [name, value] of fields) form.append(name, value)
  form.append('title', title)
  form.append('description', '')
  const before = await goalCount(token)
  const posted = await fetch(`${site}/demo/goals`, { method: 'POST', headers: { cookie, origin: SIBLING_ORIGIN }, body: form, redirect: 'manual' })
  await posted.body?.cancel()

  // 3. Refused means the action never ran: the same number of goals at the API.
  const after = await goalCount(token)
  if (before === null || after === null) return [{ label, status: posted.status, blocked: false, detail: 'The API could not count your goals, so the outcome is unknown.' }]
  const created = after - before
  return [
    {
      label,
      status: posted.status,
      blocked: created === 0 && posted.status >= 400,
      detail: created
        ? `The action ran: ${created} goal created.`
        : `Next.js refused it before the action ran: the Origin is not this site's host. Still ${after} goals.`,
    },
  ]
}

async function goalCount(token: string): Promise<number | null> {
  const response = await fetch(`${dotnetApiUrl()}/api/goals?pageSize=1`, { headers: { authorization: `Bearer ${token}` } })
  return response.ok ? ((await response.json()) as { totalCount: number }).totalCount : null
}
