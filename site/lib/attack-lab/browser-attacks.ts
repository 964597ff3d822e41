import { JWT_IN_TEXT as JWT } from '@/demos/lib/auth/bearer'
import { safeCallbackUrl } from '@/demos/lib/auth/safe-callback-url'
import { ANTI_FORGERY_HEADER } from '@/demos/lib/http/anti-forgery-header'
import { replayRefreshToken } from '@/site/lib/token-controls/token-controls-actions'
import type { LabAttack, LabOutcome, LabStep } from './lab-attack-names'

// The attack lab's attacks that page JavaScript can make itself, run in the
// reader's browser against the reader's own session. Each returns what each
// attempt got and whether that is the blocked outcome.
const csrf = { [ANTI_FORGERY_HEADER]: '1' }
const json = { 'content-type': 'application/json', ...csrf }

const step = (label: string, status: number, blocked: boolean, detail: string): LabStep => ({ label, status, blocked, detail })

/** 1. What an injected script can reach: no token anywhere. */
export async function tryTokenTheft(): Promise<LabStep[]> {
  const storage = [...Object.entries(localStorage), ...Object.entries(sessionStorage)].map(([, value]) => value).join(' ')
  const me = await fetch('/api/proxy/users/me')
  const meText = await me.text()
  const refreshed = await fetch('/api/auth/refresh', { method: 'POST', headers: csrf })
  const refreshText = await refreshed.text()
  return [
    step('document.cookie', 0, !JWT.test(document.cookie), JWT.test(document.cookie) ? 'A token is readable.' : `No token (httpOnly). It shows: "${document.cookie || 'nothing'}"`),
    step('localStorage and sessionStorage', 0, !JWT.test(storage), JWT.test(storage) ? 'A token is stored.' : 'No token stored.'),
    step('GET /api/proxy/users/me (your session)', me.status, !JWT.test(meText), JWT.test(meText) ? 'The answer carries a token.' : 'Your user, and no token.'),
    step('POST /api/auth/refresh', refreshed.status, !JWT.test(refreshText) && !JWT.test(document.cookie), 'New cookies were set, but their tokens are not readable here.'),
  ]
}

/** 3. Presenting an old refresh token: the API revokes the whole family. Signs the reader out. */
export async function tryRefreshReplay(): Promise<LabStep[]> {
  // 1. Rotate once, so the session has an old refresh token to replay.
  const rotated = await fetch('/api/auth/refresh', { method: 'POST', headers: csrf })
  // 2. The API replays the previous token, as a thief holding a copy would.
  const replay = await replayRefreshToken()
  // 3. Your current tokens are from the same family: both must now be refused.
  const me = await fetch('/api/proxy/users/me')
  const refresh = await fetch('/api/auth/refresh', { method: 'POST', headers: csrf })
  return [
    step('Rotate once (POST /api/auth/refresh)', rotated.status, true, rotated.ok ? 'Rotated.' : 'Could not rotate.'),
    step('Replay the previous refresh token at the API', 0, replay.ok, replay.message),
    step('Your current access token, GET /api/proxy/users/me', me.status, me.status === 401, me.status === 401 ? 'Refused: the family is revoked.' : 'Still accepted.'),
    step('Your current refresh token, POST /api/auth/refresh', refresh.status, refresh.status === 401, refresh.status === 401 ? 'Refused, and the BFF deleted your cookies: signed out.' : 'Still accepted.'),
  ]
}

/** 5. Open redirect: the same function the sign-in form uses, on hostile values. */
export function tryOpenRedirect(): LabStep[] {
  const hostile = [
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    'javascript:alert(1)',
    '/\t/evil.example',
    'http:evil.example',
    // Dot segments that normalize into a protocol-relative `//evil.example`.
    '/.//evil.example',
    '/%2e//evil.example',
    '/a/..//evil.example',
    '/./\\evil.example',
    '/.\n//evil.example',
  ]
  return hostile.map((value) => {
    const result = safeCallbackUrl(value)
    const stays = new URL(result, location.origin).origin === location.origin
    return step(`callbackUrl=${value}`, 0, stays, `After sign-in you would go to ${result}`)
  })
}

/** 6. Proxy abuse a browser can send: non-allowlisted paths, encoded traversal, SSRF, smuggled headers. */
export async function tryProxyAbuse(forgedBearer: string): Promise<LabStep[]> {
  const attempts: [string, string, RequestInit][] = [
    ['POST /api/proxy/auth/login (not allowlisted)', '/api/proxy/auth/login', { method: 'POST', headers: json, body: '{"email":"demo@example.com","password":"demo-password"}' }],
    ['GET /api/proxy/swagger/v1/swagger.json', '/api/proxy/swagger/v1/swagger.json', {}],
    ['GET /api/proxy/goals%2f..%2fusers%2fme', '/api/proxy/goals%2f..%2fusers%2fme', {}],
    ['GET /api/proxy/%2F%2Fevil.example/api/goals (SSRF)', '/api/proxy/%2F%2Fevil.example/api/goals', {}],
  ]
  const steps: LabStep[] = []
  for (const [label, url, init] of attempts) {
    const response = await fetch(url, init)
    const text = await response.text()
    const leaked = JWT.test(text) || text.includes('"items"') || text.includes('"openapi"')
    steps.push(step(label, response.status, !response.ok && !leaked, leaked ? 'Data came back.' : `Refused: ${titleOf(text)}`))
  }
  // A browser-supplied Authorization and forwarding headers are dropped: you stay yourself.
  const smuggled = await fetch('/api/proxy/users/me', { headers: { authorization: `Bearer ${forgedBearer}`, 'x-forwarded-host': 'evil.example', 'x-original-url': '/api/admin' } })
  const user = (await smuggled.json().catch(() => null)) as { role?: string } | null
  steps.push(step('Authorization: Bearer <alg:none admin token>, X-Forwarded-Host, X-Original-URL', smuggled.status, user?.role !== 'admin', `The proxy used your cookie, not the header: role ${user?.role ?? 'none'}.`))
  return steps
}

/** 8. Guessing passwords: repeated failures for one account lock it with 429 and Retry-After. */
export async function tryBruteForce(): Promise<LabStep[]> {
  // A throwaway address: locking a real account (the shared demo one) would lock other readers out.
  const email = `lab-${crypto.randomUUID().slice(0, 8)}@example.com`
  const steps: LabStep[] = []
  for (let attempt = 1; attempt <= 7; attempt++) {
    const response = await fetch('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email, password: `guess-${attempt}` }) })
    const wait = response.headers.get('retry-after')
    steps.push(step(`Guess ${attempt} for ${email}`, response.status, response.status !== 200, wait ? `429, Retry-After: ${wait} s` : titleOf(await response.text())))
  }
  const locked = steps.at(-1)!
  locked.blocked = locked.status === 429
  return steps
}

/** The server-side attacks (forged headers and tokens a browser cannot send). */
export async function runServerAttack(attack: LabAttack): Promise<LabStep[]> {
  const response = await fetch('/api/lab/attack', { method: 'POST', headers: json, body: JSON.stringify({ attack }) })
  if (!response.ok) return [step(`POST /api/lab/attack (${attack})`, response.status, false, titleOf(await response.text()))]
  return ((await response.json()) as LabOutcome).steps
}

function titleOf(text: string) {
  try {
    const body = JSON.parse(text) as { title?: string; detail?: string }
    return body.detail ?? body.title ?? text.slice(0, 80)
  } catch {
    return text.slice(0, 80)
  }
}
