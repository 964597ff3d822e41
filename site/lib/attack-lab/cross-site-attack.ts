import type { LabStep } from './lab-attack-names'
import type { ProbeRecord } from './csrf-probe-store'

/**
 * The other loopback host: `localhost` and `127.0.0.1` are different sites to
 * a browser, so a page from one is a cross-site attacker to the other. Null on
 * a real host name, where the lab cannot make a second site by itself.
 */
export function otherLoopbackOrigin(here: Location): string | null {
  const other = here.hostname === 'localhost' ? '127.0.0.1' : here.hostname === '127.0.0.1' ? 'localhost' : null
  return other && `${here.protocol}//${other}${here.port ? `:${here.port}` : ''}`
}

export const goalCount = async () => ((await (await fetch('/api/proxy/goals?pageSize=1')).json()) as { totalCount: number }).totalCount

export type AttackerRun = { ok: true; origin: string; run: string } | { ok: false; steps: LabStep[] }

/**
 * Opens the attacker page on the other site, aimed at this one, and waits
 * until it says it is done. `params` choose what it tries (see evil-site.js).
 */
export async function runAttackerPage(params: Record<string, string> = {}): Promise<AttackerRun> {
  const origin = otherLoopbackOrigin(location)
  if (!origin) return { ok: false, steps: [{ label: 'A second site', status: 0, blocked: false, detail: 'Open this page on localhost or 127.0.0.1 to run it.' }] }
  const run = crypto.randomUUID()
  // 1. The attacker page runs in its own tab, on the other site, and says when it is done.
  const done = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || event.data?.type !== 'evil-site-done' || event.data.run !== run) return
      window.removeEventListener('message', onMessage)
      resolve()
    }
    window.addEventListener('message', onMessage)
    setTimeout(resolve, 20_000)
  })
  const query = new URLSearchParams({ target: location.origin, run, ...params })
  const tab = window.open(`${origin}/lab/evil-site.html?${query}`, '_blank')
  if (!tab) return { ok: false, steps: [{ label: 'Open the attacker page', status: 0, blocked: false, detail: 'The browser blocked the new tab. Allow pop-ups for this site.' }] }
  await done
  return { ok: true, origin, run }
}

/** 2. Opens the attacker page on the other site and waits for it; then checks what reached this one. */
export async function tryCrossSiteRequests(): Promise<LabStep[]> {
  const before = await goalCount()
  const attacker = await runAttackerPage()
  if (!attacker.ok) return attacker.steps
  const { origin, run } = attacker

  // 2. What arrived here, as the probe route saw it, and what changed.
  const { records } = (await (await fetch(`/api/lab/csrf-probe?run=${run}`)).json()) as { records: ProbeRecord[] }
  const after = await goalCount()
  const me = await fetch('/api/proxy/users/me')
  const arrived = (attempt: string) => records.find((record) => record.attempt === attempt)
  const describe = (record: ProbeRecord | undefined, preflighted = false) =>
    !record
      ? preflighted
        ? 'Never sent: the browser refused it at the CORS preflight.'
        : 'Never arrived: the attacker page could not send it.'
      : [
          record.cookieSent ? 'your session cookie WAS sent' : 'SameSite=Lax: the browser did not send your session cookie',
          record.antiForgeryHeader ? 'the x-csrf header WAS there' : 'no x-csrf header: the BFF answers 403 before anything else',
        ].join('; ')
  return [
    ...['form-proxy', 'form-logout', 'fetch-simple'].map((attempt) => {
      const record = arrived(attempt)
      return { label: `${attempt} (from ${origin})`, status: 0, blocked: !!record && !record.cookieSent && !record.antiForgeryHeader, detail: describe(record) }
    }),
    { label: 'fetch-header (from the other site)', status: 0, blocked: !arrived('fetch-header'), detail: describe(arrived('fetch-header'), true) },
    { label: 'Goals created by the attacker page', status: 0, blocked: after === before, detail: `${after - before} (before ${before}, after ${after})` },
    { label: 'Still signed in (the form POST to /api/auth/logout failed)', status: me.status, blocked: me.ok, detail: me.ok ? 'Yes.' : 'No: you were signed out.' },
  ]
}
