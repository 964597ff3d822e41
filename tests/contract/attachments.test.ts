import { describe, expect, inject, it } from 'vitest'
import type { components } from '../../demos/lib/api/dotnet-api'
import { apiFetch, apiUrl, callJson, expectBearerChallenge, expectProblem, signIn, type Goal } from './api-client'

type UploadGrant = components['schemas']['UploadGrant']
type Attachment = components['schemas']['Attachment']
type GrantRequest = components['schemas']['UploadGrantRequest']

const maxUploadBytes = inject('contractMaxUploadBytes')
const grantSeconds = inject('contractUploadGrantSeconds')
const quotaBytes = inject('contractUploadQuotaBytes')
const allowedOrigin = inject('contractAllowedOrigin')

const png = (size = 64) => {
  const bytes = new Uint8Array(size).fill(0x42)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return bytes
}
// What a renamed Windows executable starts with.
const executable = () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])

/** A fresh account with one goal of its own. */
async function goalOwner() {
  const session = await signIn()
  const created = await callJson('POST', '/api/goals', { title: 'Has attachments' }, { token: session.accessToken })
  expect(created.status).toBe(201)
  return { token: session.accessToken, goalId: ((await created.json()) as Goal).id }
}

function requestGrant(token: string, goalId: string, body: Partial<GrantRequest>) {
  return callJson('POST', `/api/goals/${goalId}/attachments/grants`, body, { token })
}

async function grantFor(token: string, goalId: string, bytes: Uint8Array, contentType: GrantRequest['contentType'] = 'image/png', fileName = 'photo.png') {
  const response = await requestGrant(token, goalId, { fileName, size: bytes.byteLength, contentType })
  expect(response.status).toBe(201)
  return (await response.json()) as UploadGrant
}

/** A path or an absolute URL: resolved as a browser resolves it against the API's origin. */
const uploadTarget = (grant: UploadGrant) => new URL(grant.uploadUrl, apiUrl('/')).href

function upload(grant: UploadGrant, body: BodyInit, { contentType = 'image/png', headers = {} as Record<string, string> } = {}) {
  return fetch(uploadTarget(grant), {
    method: 'PUT',
    headers: { 'Content-Type': contentType, 'X-Upload-Token': grant.uploadToken, ...headers },
    body,
    // A ReadableStream body (sent chunked, without Content-Length) needs it; missing from the DOM lib.
    ...({ duplex: 'half' } as object),
  })
}

async function attachmentsOf(token: string, goalId: string) {
  const response = await callJson('GET', `/api/goals/${goalId}/attachments`, undefined, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as Attachment[]
}

function streamOf(bytes: Uint8Array, chunkSize = 16): ReadableStream<Uint8Array> {
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close()
      controller.enqueue(bytes.slice(offset, (offset += chunkSize)))
    },
  })
}

describe('attachments: grant, upload, list, download', () => {
  it('grants a short-lived token, takes the file straight to storage, lists it and serves it as a download', async () => {
    const { token, goalId } = await goalOwner()
    const bytes = png(4096)
    const before = Date.now()
    const grant = await grantFor(token, goalId, bytes)
    expect(grant.uploadToken.length).toBeGreaterThanOrEqual(32)
    expect(new URL(grant.uploadUrl, apiUrl('/')).pathname).toMatch(/\/api\/uploads$/)
    const expiresIn = Date.parse(grant.expiresAt) - before
    expect(expiresIn).toBeGreaterThan(0)
    expect(expiresIn).toBeLessThanOrEqual(10 * 60 * 1000)

    const uploaded = await upload(grant, bytes)
    expect(uploaded.status).toBe(201)
    const attachment = (await uploaded.json()) as Attachment
    expect(attachment).toMatchObject({ fileName: 'photo.png', contentType: 'image/png', size: bytes.byteLength })
    expect(uploaded.headers.get('location')).toMatch(new RegExp(`/api/goals/${goalId}/attachments/${attachment.id}$`))

    expect(await attachmentsOf(token, goalId)).toEqual([attachment])

    const download = await callJson('GET', `/api/goals/${goalId}/attachments/${attachment.id}`, undefined, { token })
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('image/png')
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''photo\.png/)
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes)
  })

  it('accepts text that is valid UTF-8, sent in chunks without a Content-Length', async () => {
    const { token, goalId } = await goalOwner()
    const bytes = new TextEncoder().encode('name,amount\nCafé ☕,3\n'.repeat(20))
    const grant = await grantFor(token, goalId, bytes, 'text/csv', 'import.csv')
    const uploaded = await upload(grant, streamOf(bytes, 7), { contentType: 'text/csv' })
    expect(uploaded.status).toBe(201)
    expect(await attachmentsOf(token, goalId)).toHaveLength(1)
  })

  it('needs the access token for the grant, the list and the download', async () => {
    const { goalId } = await goalOwner()
    await expectBearerChallenge(await requestGrant('', goalId, { fileName: 'a.png', size: 10, contentType: 'image/png' }), { invalidToken: false })
    await expectBearerChallenge(await apiFetch(`/api/goals/${goalId}/attachments`), { invalidToken: false })
  })

  it('refuses a grant over the per-file maximum, for a type it cannot check, or for a goal that is not the caller\'s', async () => {
    const { token, goalId } = await goalOwner()
    const other = await goalOwner()
    await expectProblem(await requestGrant(token, goalId, { fileName: 'big.zip', size: maxUploadBytes + 1, contentType: 'application/zip' }), 413)
    const badType = await expectProblem(
      await requestGrant(token, goalId, { fileName: 'setup.exe', size: 10, contentType: 'application/x-msdownload' as GrantRequest['contentType'] }),
      400,
    )
    expect(badType.errors).toHaveProperty('ContentType')
    await expectProblem(await requestGrant(token, other.goalId, { fileName: 'a.png', size: 10, contentType: 'image/png' }), 404)
    expect(await attachmentsOf(other.token, other.goalId)).toEqual([])
  })

  it.skipIf(quotaBytes === null)('refuses a grant that would take the account past its quota', async () => {
    const { token, goalId } = await goalOwner()
    const bytes = png(Math.ceil(quotaBytes! * 0.6))
    expect((await upload(await grantFor(token, goalId, bytes), bytes)).status).toBe(201)
    const problem = await expectProblem(await requestGrant(token, goalId, { fileName: 'b.png', size: bytes.byteLength, contentType: 'image/png' }), 409)
    expect(problem.detail).toMatch(/quota/)
  })

  it('refuses a Content-Type no grant can name before the token is spent', async () => {
    const { token, goalId } = await goalOwner()
    const grant = await grantFor(token, goalId, png())
    await expectProblem(await upload(grant, png(), { contentType: 'application/octet-stream' }), 415)
    expect((await upload(grant, png())).status).toBe(201)
  })

  it('lists oldest first and 404s another account\'s attachment', async () => {
    const { token, goalId } = await goalOwner()
    const intruder = await goalOwner()
    const first = (await (await upload(await grantFor(token, goalId, png(), 'image/png', 'one.png'), png())).json()) as Attachment
    const second = (await (await upload(await grantFor(token, goalId, png(), 'image/png', 'two.png'), png())).json()) as Attachment
    expect((await attachmentsOf(token, goalId)).map((a) => a.fileName)).toEqual([first.fileName, second.fileName])
    await expectProblem(await callJson('GET', `/api/goals/${goalId}/attachments/${first.id}`, undefined, { token: intruder.token }), 404)
    await expectProblem(await callJson('GET', `/api/goals/${intruder.goalId}/attachments/${first.id}`, undefined, { token: intruder.token }), 404)
  })
})

describe('attachments: attacks, each refused with nothing stored', () => {
  it('an upload with no grant at all', async () => {
    const { token, goalId } = await goalOwner()
    const grant = await grantFor(token, goalId, png())
    await expectProblem(await upload(grant, png(), { headers: { 'X-Upload-Token': '' } }), 401)
    await expectProblem(await upload({ ...grant, uploadToken: 'made-up-token-0123456789abcdefghijklmnop' }, png()), 401)
    // The user's own access token is not an upload token, in either header.
    await expectProblem(await upload({ ...grant, uploadToken: token }, png()), 401)
    expect(await attachmentsOf(token, goalId)).toEqual([])
  })

  it('reusing an upload token, one after the other and at the same time', async () => {
    const { token, goalId } = await goalOwner()
    const grant = await grantFor(token, goalId, png())
    expect((await upload(grant, png())).status).toBe(201)
    await expectProblem(await upload(grant, png()), 403)

    const raced = await grantFor(token, goalId, png())
    const statuses = (await Promise.all([upload(raced, png()), upload(raced, png()), upload(raced, png())])).map((r) => r.status)
    expect(statuses.sort()).toEqual([201, 403, 403])
    expect(await attachmentsOf(token, goalId)).toHaveLength(2)
  })

  it.skipIf(grantSeconds === null || grantSeconds > 5)('an expired token', async () => {
    const { token, goalId } = await goalOwner()
    const grant = await grantFor(token, goalId, png())
    await new Promise((resolve) => setTimeout(resolve, grantSeconds! * 1000 + 500))
    const problem = await expectProblem(await upload(grant, png()), 401)
    expect(problem.detail).toMatch(/expired/)
    expect(await attachmentsOf(token, goalId)).toEqual([])
  })

  it("a token for another account's goal: not granted, and a token cannot be moved to another goal", async () => {
    const victim = await goalOwner()
    const attacker = await goalOwner()
    await expectProblem(await requestGrant(attacker.token, victim.goalId, { fileName: 'x.png', size: 64, contentType: 'image/png' }), 404)
    // The upload URL names no goal: the token's own goal is the only place the file can go.
    const grant = await grantFor(attacker.token, attacker.goalId, png())
    expect(grant.uploadUrl).not.toContain(attacker.goalId)
    expect((await upload(grant, png(), { headers: { 'X-Goal-Id': victim.goalId } })).status).toBe(201)
    expect(await attachmentsOf(victim.token, victim.goalId)).toEqual([])
    expect(await attachmentsOf(attacker.token, attacker.goalId)).toHaveLength(1)
  })

  it('more bytes than declared, whether the length is announced or not', async () => {
    const { token, goalId } = await goalOwner()
    const declared = png(100)
    const more = png(5000)
    await expectProblem(await upload(await grantFor(token, goalId, declared), more), 413)
    await expectProblem(await upload(await grantFor(token, goalId, declared), streamOf(more, 64)), 413)
    // And fewer: the stored size is always the declared one.
    await expectProblem(await upload(await grantFor(token, goalId, declared), png(50)), 400)
    expect(await attachmentsOf(token, goalId)).toEqual([])
  })

  it('a body whose bytes do not match its type', async () => {
    const { token, goalId } = await goalOwner()
    const exe = executable()
    await expectProblem(await upload(await grantFor(token, goalId, exe, 'image/png', 'cat.png'), exe), 415)
    const withNul = new TextEncoder().encode('looks like text\u0000but is not')
    await expectProblem(await upload(await grantFor(token, goalId, withNul, 'text/plain', 'a.txt'), withNul, { contentType: 'text/plain' }), 415)
    const notUtf8 = new Uint8Array([0x68, 0x69, 0xff, 0xfe, 0x21])
    await expectProblem(await upload(await grantFor(token, goalId, notUtf8, 'text/csv', 'a.csv'), notUtf8, { contentType: 'text/csv' }), 415)
    // The right bytes under another Content-Type than the grant's.
    await expectProblem(await upload(await grantFor(token, goalId, png()), png(), { contentType: 'image/gif' }), 415)
    expect(await attachmentsOf(token, goalId)).toEqual([])
  })

  it('a file name with path segments or control characters is kept only as sanitized display text', async () => {
    const { token, goalId } = await goalOwner()
    const names = ['../../etc/\u0007pass\u202ewd\r\n.png', 'C:\\Users\\me\\..\\photo\u0000.png', '../..']
    for (const name of names) expect((await upload(await grantFor(token, goalId, png(), 'image/png', name), png())).status).toBe(201)
    const stored = await attachmentsOf(token, goalId)
    expect(stored.map((a) => a.fileName)).toEqual(['passwd.png', 'photo.png', 'attachment'])
    const download = await callJson('GET', `/api/goals/${goalId}/attachments/${stored[0].id}`, undefined, { token })
    expect(download.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''passwd\.png$/)
  })

  it.skipIf(allowedOrigin === null)('a preflight from an origin not allowed, and CORS nowhere but the upload', async () => {
    const preflight = (path: string, origin: string, headers = 'content-type,x-upload-token') =>
      apiFetch(path, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': headers } })

    const allowed = await preflight('/api/uploads', allowedOrigin!)
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin)
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/PUT/)
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-upload-token')
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull()

    for (const refused of [await preflight('/api/uploads', 'https://evil.example'), await preflight('/api/goals', allowedOrigin!)]) {
      expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    }
    // A header outside the policy is left out of the answer, and the browser then refuses to send it.
    const withAuthorization = await preflight('/api/uploads', allowedOrigin!, 'content-type,x-upload-token,authorization')
    expect(withAuthorization.headers.get('access-control-allow-headers')?.toLowerCase()).not.toContain('authorization')

    const { token, goalId } = await goalOwner()
    const fromSite = await upload(await grantFor(token, goalId, png()), png(), { headers: { Origin: allowedOrigin! } })
    expect(fromSite.status).toBe(201)
    expect(fromSite.headers.get('access-control-allow-origin')).toBe(allowedOrigin)
    const fromElsewhere = await upload(await grantFor(token, goalId, png()), png(), { headers: { Origin: 'https://evil.example' } })
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull()
  })
})
