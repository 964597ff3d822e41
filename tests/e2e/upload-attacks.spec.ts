import { randomUUID } from 'node:crypto'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import type { components } from '../../demos/lib/api/dotnet-api'
import { apiBaseURL } from './support/api-base-url'

// Workflow E's upload endpoint attacked from real pages: the browser sends
// every PUT, with its own CORS rules, to the upload URL a grant names (another
// origin when DOTNET_API_PUBLIC_URL is set, as in this suite). Each refusal is
// judged by its effect: the goal's attachments, listed before and after.
type Grant = components['schemas']['UploadGrant']
type Attachment = components['schemas']['Attachment']
type Sent = { status: number; detail: string } | { refused: string }

const png = (size: number) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(size - 8).fill(0x42)]
const executable = [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** A fresh account with a goal of its own, straight at the API, and the calls the tests make with its token. */
async function goalOwner(request: APIRequestContext) {
  const credentials = { email: `upload-${randomUUID().slice(0, 12)}@example.com`, password: 'a-long-password-1' }
  expect((await request.post(`${apiBaseURL()}/api/auth/register`, { data: { ...credentials, name: 'Upload attacks' } })).status()).toBe(201)
  const token = ((await (await request.post(`${apiBaseURL()}/api/auth/login`, { data: credentials })).json()) as { accessToken: string }).accessToken
  const goal = await request.post(`${apiBaseURL()}/api/goals`, { headers: bearer(token), data: { title: 'Has attachments' } })
  const goalId = ((await goal.json()) as { id: string }).id
  const grantFor = async (size: number, fileName = 'photo.png', forGoal = goalId) => {
    const response = await request.post(`${apiBaseURL()}/api/goals/${forGoal}/attachments/grants`, { headers: bearer(token), data: { fileName, size, contentType: 'image/png' } })
    return { status: response.status(), grant: response.ok() ? ((await response.json()) as Grant) : null }
  }
  const grant = async (size: number, fileName?: string) => (await grantFor(size, fileName)).grant!
  const attachments = async () => (await (await request.get(`${apiBaseURL()}/api/goals/${goalId}/attachments`, { headers: bearer(token) })).json()) as Attachment[]
  return { token, goalId, grantFor, grant, attachments }
}

/** The PUT, sent by the page's own fetch: what the browser lets through is the point. */
function putFrom(page: Page, uploadUrl: string, uploadToken: string | null, bytes: number[]): Promise<Sent> {
  return page.evaluate(
    async ({ uploadUrl, uploadToken, bytes }) => {
      const headers: Record<string, string> = { 'content-type': 'image/png', ...(uploadToken === null ? {} : { 'x-upload-token': uploadToken }) }
      try {
        const response = await fetch(uploadUrl, { method: 'PUT', headers, body: new Uint8Array(bytes) })
        return { status: response.status, detail: ((await response.json()) as { detail?: string }).detail ?? '' }
      } catch (error) {
        return { refused: String(error) }
      }
    },
    { uploadUrl, uploadToken, bytes },
  )
}

test('an upload token is single-use, short-lived and bound to its account, goal, size and type; no grant, no upload', async ({ page, request }) => {
  const owner = await goalOwner(request)
  const { uploadUrl } = await owner.grant(64)
  // A demo page: its CSP lets scripts reach the API's origin, as the upload demo needs.
  await page.goto('/demo/login')

  await test.step('no grant at all: no token, a made-up one, or the access token in its place', async () => {
    for (const token of [null, 'made-up-token-0123456789abcdefghijklmnop', owner.token]) {
      expect(await putFrom(page, uploadUrl, token, png(64))).toMatchObject({ status: 401 })
    }
    expect(await owner.attachments()).toEqual([])
  })

  await test.step('reusing a token: the second PUT is refused, and one file is attached', async () => {
    const { uploadToken } = await owner.grant(64)
    expect(await putFrom(page, uploadUrl, uploadToken, png(64))).toMatchObject({ status: 201 })
    expect(await putFrom(page, uploadUrl, uploadToken, png(64))).toMatchObject({ status: 403 })
    expect(await owner.attachments()).toHaveLength(1)
  })

  await test.step('an expired token (its grant run out by the mock’s demo endpoint)', async () => {
    const { uploadToken } = await owner.grant(64)
    expect((await request.post(`${apiBaseURL()}/api/demo/expire-upload-grants`, { headers: bearer(owner.token) })).status()).toBe(204)
    expect(await putFrom(page, uploadUrl, uploadToken, png(64))).toMatchObject({ status: 401, detail: expect.stringMatching(/expired/) })
    expect(await owner.attachments()).toHaveLength(1)
  })

  await test.step('a grant for another account’s goal is a 404, and their goal stays empty', async () => {
    const victim = await goalOwner(request)
    expect(await owner.grantFor(64, 'x.png', victim.goalId)).toEqual({ status: 404, grant: null })
    expect(await victim.attachments()).toEqual([])
  })

  await test.step('more bytes than declared (413) and an executable declared as a PNG (415) attach nothing', async () => {
    expect(await putFrom(page, uploadUrl, (await owner.grant(64)).uploadToken, png(4096))).toMatchObject({ status: 413 })
    expect(await putFrom(page, uploadUrl, (await owner.grant(executable.length, 'cat.png')).uploadToken, executable)).toMatchObject({ status: 415 })
    expect(await owner.attachments()).toHaveLength(1)
  })

  await test.step('a name with path segments and a NUL is kept only as display text', async () => {
    const { uploadToken } = await owner.grant(64, '../../etc/passwd\u0000.png')
    expect(await putFrom(page, uploadUrl, uploadToken, png(64))).toMatchObject({ status: 201 })
    expect((await owner.attachments()).map((a) => a.fileName)).toEqual(['photo.png', 'passwd.png'])
  })
})

test('a page on another origin cannot upload: the browser stops at the preflight, and the token stays unspent', async ({ page, request, baseURL }) => {
  const owner = await goalOwner(request)
  const { uploadUrl, uploadToken } = await owner.grant(64)
  const site = new URL(baseURL!)
  const upload = new URL(uploadUrl, site)
  // A loopback origin that is neither the site's nor the API's: `*.localhost` is loopback to the browser.
  const attacker = [`http://127.0.0.1:${site.port}`, site.origin, `http://attacker.localhost:${site.port}`].find((o) => o !== site.origin && o !== upload.origin)!

  await test.step('the policy: no Access-Control-Allow-Origin for another origin', async () => {
    const ask = (origin: string) => request.fetch(upload.href, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-upload-token' } })
    expect((await ask(attacker)).headers()['access-control-allow-origin']).toBeUndefined()
    // Where the upload is cross-origin, the site's own origin is the one allowed.
    if (upload.origin !== site.origin) expect((await ask(site.origin)).headers()['access-control-allow-origin']).toBe(site.origin)
  })

  await test.step(`the attacker’s page (${attacker}) holding a valid token: the browser refuses to send the PUT`, async () => {
    await page.goto(`${attacker}/lab/evil-site.html`)
    expect(new URL(page.url()).origin).toBe(attacker)
    // The API's origin is reachable from this page; only CORS stands in the way.
    expect(await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'reached', () => 'unreachable'), upload.href)).toBe('reached')
    expect(await putFrom(page, upload.href, uploadToken, png(64))).toEqual({ refused: expect.stringContaining('TypeError') })
    expect(await owner.attachments()).toEqual([])
  })

  await test.step('the same token from the site’s own page still works: the PUT never reached the API', async () => {
    await page.goto('/demo/login')
    expect(await putFrom(page, uploadUrl, uploadToken, png(64))).toMatchObject({ status: 201 })
    expect(await owner.attachments()).toHaveLength(1)
  })
})
