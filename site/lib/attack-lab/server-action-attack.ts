import { runServerAttack } from './browser-attacks'
import { goalCount, runAttackerPage } from './cross-site-attack'
import type { ProbeRecord } from './csrf-probe-store'
import type { LabStep } from './lab-attack-names'
import { serverActionFields } from './server-action-fields'

/**
 * 10. The goals demo's Server Action, posted from elsewhere. Server Actions
 * carry no `x-csrf` header, so two other layers must hold: SameSite=Lax from
 * another site, and Next.js's Origin check from a same-site sibling host,
 * where SameSite lets the cookie through.
 */
export async function tryServerActionFromAnotherSite(): Promise<LabStep[]> {
  // 1. The action's hidden fields, copied from your own goals page as an
  //    attacker copies them from theirs: the same for every visitor of a build.
  const page = await fetch('/demo/goals')
  const fields = serverActionFields(await page.text())
  if (fields.length === 0) return [{ label: 'The Server Action form on /demo/goals', status: page.status, blocked: false, detail: 'Not found: sign in, and switch "API down" off.' }]

  // 2. The attacker page on the other site posts them, as a plain form, to /demo/goals.
  const before = await goalCount()
  const attacker = await runAttackerPage({ attack: 'server-action', fields: JSON.stringify(fields) })
  if (!attacker.ok) return attacker.steps
  const { records } = (await (await fetch(`/api/lab/csrf-probe?run=${attacker.run}`)).json()) as { records: ProbeRecord[] }
  const record = records.find((r) => r.attempt === 'form-server-action')
  const after = await goalCount()

  // 3. The same post with your cookie, as from a sibling host: only the Origin check is left.
  const sibling = await runServerAttack('server-action-origin')
  return [
    {
      label: `Server Action form POST to /demo/goals (from ${attacker.origin})`,
      status: 0,
      blocked: !!record && !record.cookieSent,
      detail: !record
        ? 'Never arrived: the attacker page could not send it.'
        : record.cookieSent
          ? 'Your session cookie WAS sent.'
          : 'SameSite=Lax: the browser did not send your session cookie, so there was no session to act for.',
    },
    { label: 'Goals created by the attacker page', status: 0, blocked: after === before, detail: `${after - before} (before ${before}, after ${after})` },
    ...sibling,
  ]
}
