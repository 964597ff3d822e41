'use client'

import { useEffect, useState } from 'react'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { tryBruteForce, tryOpenRedirect, tryProxyAbuse, tryRefreshReplay, tryTokenTheft, runServerAttack } from '@/site/lib/attack-lab/browser-attacks'
import { tryCrossSiteRequests } from '@/site/lib/attack-lab/cross-site-attack'
import { tryServerActionFromAnotherSite } from '@/site/lib/attack-lab/server-action-attack'
import { trySpoofedAddress } from '@/site/lib/attack-lab/spoofed-address-attack'
import type { LabStep } from '@/site/lib/attack-lab/lab-attack-names'
import { LabGroup } from './lab-group'

// An unsigned token claiming admin, made here in the page as an attacker would.
const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const forgedAdmin = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', role: 'admin', exp: 4102444800 })}.`

const serverAttacks = (...attacks: Parameters<typeof runServerAttack>[0][]) => async () => {
  const steps: LabStep[] = []
  for (const attack of attacks) steps.push(...(await runServerAttack(attack)).map((step) => ({ ...step, label: `${attack}: ${step.label}` })))
  return steps
}

// The expired-token attack expires your real access token at the API: refresh afterwards so the page keeps working.
const tamperWithTokens = async () => {
  const steps = await serverAttacks('alg-none', 'edited-payload', 'wrong-key', 'expired-token')()
  await fetch('/api/auth/refresh', { method: 'POST', headers: { [ANTI_FORGERY_HEADER]: '1' } })
  return steps
}

/** The attack lab: each group runs against the reader's own session and shows what stopped it. */
export function AttackLab() {
  const [signedIn, setSignedIn] = useState<boolean | null>(null)
  useEffect(function checkSession() {
    fetch('/api/proxy/users/me').then((response) => setSignedIn(response.ok), () => setSignedIn(false))
  }, [])

  return (
    <div data-testid="attack-lab">
      <p role="note" data-testid="lab-session">
        {signedIn === null && 'Checking your session…'}
        {signedIn === true && 'You are signed in: every attack below runs against your own session.'}
        {signedIn === false && (
          <>
            Most attacks need a session to attack. <a href="/demo/login?callbackUrl=%2Fattack-lab">Sign in</a> (or create a private demo
            account) first, then come back.
          </>
        )}
      </p>
      <LabGroup id="xss" title="1. XSS token theft" action="Look for the tokens from page JavaScript" run={tryTokenTheft}>
        <p>Runs what an injected script could: reads every cookie, both storages, your session through the proxy, and a refresh.</p>
      </LabGroup>
      <LabGroup id="csrf" title="2. CSRF from another site" action="Open the attacker page on the other site" run={tryCrossSiteRequests}>
        <p>
          Opens <a href="/lab/evil-site.html">an attacker&apos;s page</a> in a new tab on the other loopback host (<code>127.0.0.1</code> if you
          are on <code>localhost</code>, and the reverse). It sends forms and fetches at this site with your cookies; a probe route records
          what arrived.
        </p>
      </LabGroup>
      <LabGroup id="replay" title="3. Refresh-token replay" action="Replay an old refresh token (signs you out)" run={tryRefreshReplay}>
        <p>Rotates your refresh token once, has the API present the previous one as a thief would, then tries your current tokens.</p>
      </LabGroup>
      <LabGroup id="middleware" title="4. Middleware bypass (CVE-2025-29927 style)" action="Spoof x-middleware-subrequest" run={serverAttacks('middleware-bypass')}>
        <p>The BFF lab route requests <code>/demo/account</code> with Next.js&apos;s internal headers spoofed, without a session and with a forged one.</p>
      </LabGroup>
      <LabGroup id="redirect" title="5. Open redirect through callbackUrl" action="Try hostile callbackUrl values" run={tryOpenRedirect}>
        <p>
          Feeds hostile values to the function the sign-in form uses to decide where to go afterwards, including dot segments such as{' '}
          <code>{'/.//evil.example'}</code>, which normalize into <code>{'//evil.example'}</code>: another host.
        </p>
      </LabGroup>
      <LabGroup id="proxy" title="6. Proxy abuse" action="Abuse the proxy" run={async () => [...(await tryProxyAbuse(forgedAdmin)), ...(await serverAttacks('raw-path-traversal')())]}>
        <p>Non-allowlisted paths, encoded traversal (sent byte for byte by the lab route), an SSRF host, and smuggled headers.</p>
      </LabGroup>
      <LabGroup id="jwt" title="7. JWT tampering" action="Forge tokens from yours" run={tamperWithTokens}>
        <p>
          Copies of your access token: unsigned (<code>alg: none</code>), with <code>role: admin</code> written in, re-signed with another key,
          and expired. Each goes to the API, through the proxy, and to a page guarded by the DAL. A token for the wrong audience needs the
          API&apos;s signing key, which the BFF does not hold; the contract tests prove that one.
        </p>
      </LabGroup>
      <LabGroup id="brute-force" title="8. Brute force" action="Guess passwords" run={tryBruteForce}>
        <p>Seven wrong passwords for a throwaway address: the API locks the account after five, and the BFF passes on its 429.</p>
      </LabGroup>
      <LabGroup id="spoofed-address" title="9. Spoofed client address" action="Send a new X-Forwarded-For with every request" run={trySpoofedAddress}>
        <p>
          Every per-address limit needs an address the client cannot choose. Each request here claims a new one in{' '}
          <code>X-Forwarded-For</code>: first asking which address the site keys on, then guessing passwords for a throwaway account.
          The limit must still arrive.
        </p>
      </LabGroup>
      <LabGroup id="server-action" title="10. A Server Action from elsewhere" action="Post the goals demo's Server Action from elsewhere" run={tryServerActionFromAnotherSite}>
        <p>
          Server Actions carry no <code>x-csrf</code> header. Copies the hidden fields that name the goals demo&apos;s action from your own
          page, has the attacker page on the other loopback host post them as a plain form, then has the lab route post them with your
          cookie and the <code>Origin</code> of a sibling host, which SameSite would let through. Neither may create a goal.
        </p>
      </LabGroup>
      <LabGroup id="uploads" title="11. Workflow E: direct uploads" action="Attack the upload endpoint with your own grants" run={() => runServerAttack('direct-uploads')}>
        <p>
          The lab route makes a goal of yours for the run, asks the API for upload grants on it with your token, and attacks{' '}
          <code>PUT /api/uploads</code>: no token, a used one, an expired one, a grant for another account&apos;s goal, more bytes
          than declared, an executable declared as a PNG, a preflight from another origin, and a name full of path segments. Each
          refusal counts the goal&apos;s attachments before and after; the goal is deleted at the end. Upload tokens are redacted.
        </p>
      </LabGroup>
    </div>
  )
}
