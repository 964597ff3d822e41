import 'server-only'
import { randomBytes, randomUUID } from 'node:crypto'
import { API_TIMEOUT_MS, dotnetApiUrl } from '@/demos/lib/http/api-config'

export type UploadFile = { fileName: string; size: number; contentType: string }
export type Answer = { status: number; detail: string }
export type Granted = Answer & { uploadToken: string | null }

/** A PNG's signature, then filler: what the API's first-bytes check wants for image/png. */
export const pngBytes = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x42)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return bytes
}

/**
 * The calls the Workflow E attacks make, server to server. Every call but the
 * upload carries a bearer token: the caller's own, or the throwaway victim's.
 * Every upload token the API hands out is kept here only to be redacted from
 * what the lab reports.
 */
export function uploadLabApi(callerToken: string, clientAddress: string | null) {
  const base = dotnetApiUrl()
  const issued: string[] = []
  // The grant's uploadUrl is the address a BROWSER uses (DOTNET_API_PUBLIC_URL).
  // The lab reaches the same endpoint at the API's server-side address, and
  // never sends anything to a host named in an answer.
  const uploadUrl = `${base}/api/uploads`
  const send = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(API_TIMEOUT_MS) })
  const withBearer = (token: string, body?: unknown): RequestInit => ({
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

  async function createGoal(title: string, token = callerToken): Promise<string | null> {
    const response = await send('/api/goals', { method: 'POST', ...withBearer(token, { title }) })
    return response.status === 201 ? ((await response.json()) as { id: string }).id : null
  }

  async function deleteGoal(goalId: string, token = callerToken): Promise<void> {
    await (await send(`/api/goals/${goalId}`, { method: 'DELETE', ...withBearer(token) })).body?.cancel()
  }

  async function grant(goalId: string, file: UploadFile, token = callerToken): Promise<Granted> {
    const response = await send(`/api/goals/${goalId}/attachments/grants`, { method: 'POST', ...withBearer(token, file) })
    const body = (await response.json().catch(() => ({}))) as { uploadToken?: string; detail?: string; title?: string }
    if (body.uploadToken) issued.push(body.uploadToken)
    return { status: response.status, uploadToken: body.uploadToken ?? null, detail: body.detail ?? body.title ?? '' }
  }

  /** PUT /api/uploads as a browser sends it: the token in its own header, never a cookie. */
  async function upload(uploadToken: string | null, body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>>, contentType = 'image/png'): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': contentType, ...(uploadToken === null ? {} : { 'x-upload-token': uploadToken }) }
    // A stream is sent chunked, with no Content-Length to refuse it by; fetch needs `duplex` for it (missing from the DOM types).
    const response = await fetch(uploadUrl, { method: 'PUT', headers, body, signal: AbortSignal.timeout(API_TIMEOUT_MS), ...({ duplex: 'half' } as object) })
    return { status: response.status, detail: await problemText(response) }
  }

  /** The goal's attachments as its owner lists them; null when the list cannot be read. */
  async function attachments(goalId: string, token = callerToken): Promise<{ fileName: string }[] | null> {
    const response = await send(`/api/goals/${goalId}/attachments`, withBearer(token))
    return response.ok ? ((await response.json()) as { fileName: string }[]) : null
  }

  /** The CORS preflight a browser on `origin` would send before the upload. */
  async function preflight(origin: string): Promise<Response> {
    const headers = { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-upload-token' }
    const response = await fetch(uploadUrl, { method: 'OPTIONS', headers, signal: AbortSignal.timeout(API_TIMEOUT_MS) })
    await response.body?.cancel()
    return response
  }

  /** Demo only, in the mock: the caller's unused upload tokens run out now. */
  async function expireUploadGrants(): Promise<number> {
    const response = await send('/api/demo/expire-upload-grants', { method: 'POST', ...withBearer(callerToken) })
    await response.body?.cancel()
    return response.status
  }

  /**
   * Another account to play the victim: a throwaway one the lab creates, with a
   * password nobody keeps, counted against the caller's own address as any
   * registration through the BFF is. Its access token, or null.
   */
  async function throwawayAccount(): Promise<string | null> {
    const credentials = { email: `lab-victim-${randomUUID().slice(0, 8)}@example.com`, password: randomBytes(18).toString('base64url') }
    const json: Record<string, string> = { 'content-type': 'application/json', ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}) }
    const registered = await send('/api/auth/register', { method: 'POST', headers: json, body: JSON.stringify({ ...credentials, name: 'Attack lab victim' }) })
    await registered.body?.cancel()
    if (registered.status !== 201) return null
    const login = await send('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify(credentials) })
    return login.ok ? ((await login.json()) as { accessToken: string }).accessToken : null
  }

  /** Every upload token this run was handed, replaced wherever it appears. */
  const redact = (text: string) => issued.reduce((out, token) => out.replaceAll(token, '[upload token redacted]'), text)

  return { createGoal, deleteGoal, grant, upload, attachments, preflight, expireUploadGrants, throwawayAccount, redact }
}

export type UploadLabApi = ReturnType<typeof uploadLabApi>

async function problemText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null
  return body?.detail ?? body?.title ?? `HTTP ${response.status}`
}
