import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type CDPSession, type Locator, type Page, type Request } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import type { TraceEvent, TracePage } from '../../site/lib/trace/trace-types'
import { goalItems, signInPrivately } from './support/goals'

// Workflow E in the browser, across two origins: the site is http://localhost:PORT
// and the upload URL a grant hands out is http://127.0.0.1:PORT/dotnet (the same
// server, another origin; playwright.config.ts sets DOTNET_API_PUBLIC_URL and
// DOTNET_API_ALLOWED_ORIGIN), so the browser really sends a CORS preflight.
// Against the C# API (npm run test:e2e:dotnet) the API is the other origin itself.

const siteOrigin = new URL(baseURL).origin
const GRANT = /\/api\/proxy\/goals\/[0-9a-f-]{36}\/attachments\/grants$/
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A PNG as the API's sniffer sees one (the signature, then anything), random so no other file matches it. */
function png(name: string, bytes: number) {
  return { name, mimeType: 'image/png', buffer: Buffer.concat([PNG_SIGNATURE, randomBytes(bytes - PNG_SIGNATURE.length)]) }
}

type Answered = { method: string; url: string; type: string; status: number; headers: Record<string, string>; at: number }

/**
 * Slows this page's uploads to a fixed rate, so the progress bar has steps to
 * show whatever the machine, and records every answer the browser receives,
 * CORS preflights included (DevTools reports them; the page's events do not).
 */
async function watchNetwork(page: Page, uploadBytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page)
  const methods = new Map<string, string>()
  const answered: Answered[] = []
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => methods.set(requestId, request.method))
  cdp.on('Network.responseReceived', ({ requestId, type, response, timestamp }) => {
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]))
    answered.push({ method: methods.get(requestId) ?? '', url: response.url, type, status: response.status, headers, at: timestamp })
  })
  await cdp.send('Network.enable')
  await throttle(cdp, uploadBytesPerSecond)
  return { cdp, answered }
}

const throttle = (cdp: CDPSession, uploadThroughput: number) =>
  cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput })

/** The browser's grant requests and direct uploads, with all their headers. */
function recordUploadRequests(page: Page) {
  const grants: Request[] = []
  const puts: Request[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && GRANT.test(request.url())) grants.push(request)
    if (request.method() === 'PUT' && request.url().endsWith('/api/uploads')) puts.push(request)
  })
  return { grants, puts }
}

/** Every position (0–1) the upload's progress bar shows, recorded by the page as the DOM changes. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: number[] = []
    Object.assign(window, { __uploadProgress: seen })
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('progress[aria-label^="Uploading"]')
      if (bar && seen.at(-1) !== bar.position) seen.push(bar.position)
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
  return () => page.evaluate(() => (window as unknown as { __uploadProgress: number[] }).__uploadProgress)
}

async function openFiles(page: Page): Promise<Locator> {
  const goal = goalItems(page).first()
  await goal.getByRole('button', { name: /^Files of/ }).click()
  await expect(goal.getByText('No files yet.')).toBeVisible()
  return goal
}

const fileInput = (goal: Locator) => goal.getByLabel(/^Attach a file to/)

test('a file goes straight to the API on another origin with a grant from the BFF, with a moving progress bar, and downloads byte for byte', async ({ page }) => {
  expect((await page.request.post('/api/trace/session', { headers: { 'x-csrf': '1' } })).status()).toBe(204)
  await signInPrivately(page)
  const goal = await openFiles(page)
  const { answered } = await watchNetwork(page, 1024 * 1024)
  const { grants, puts } = recordUploadRequests(page)
  const progress = await recordProgress(page)
  const file = png('plan.png', 2 * 1024 * 1024)

  await fileInput(goal).setInputFiles(file)
  await expect(goal.getByTestId('attachment')).toHaveText('plan.png 2 MB · image/png', { timeout: 20_000 })
  await expect(goal.getByRole('status')).toHaveText('Attached plan.png.')

  // (a) The grant: same-origin, through the proxy, with the anti-forgery header.
  expect(grants).toHaveLength(1)
  expect(new URL(grants[0].url()).origin).toBe(siteOrigin)
  expect(await grants[0].headerValue('x-csrf')).toBe('1')
  const { uploadToken } = (await (await grants[0].response())!.json()) as { uploadToken: string }

  // (b) The file: to another origin, after a preflight, with the token and no cookie.
  expect(puts).toHaveLength(1)
  const uploadUrl = puts[0].url()
  expect(new URL(uploadUrl).origin).not.toBe(siteOrigin)
  expect(new URL(uploadUrl).hostname).toBe('127.0.0.1')
  expect(await puts[0].headerValue('x-upload-token')).toBe(uploadToken)
  expect(await puts[0].headerValue('cookie')).toBeNull()
  const preflight = answered.filter((answer) => answer.url === uploadUrl && answer.type === 'Preflight')
  const put = answered.filter((answer) => answer.url === uploadUrl && answer.method === 'PUT')
  expect(preflight).toHaveLength(1)
  expect(preflight[0]).toMatchObject({ status: 204, headers: { 'access-control-allow-origin': siteOrigin, 'access-control-allow-methods': 'PUT' } })
  expect(put).toMatchObject([{ status: 201, headers: { 'access-control-allow-origin': siteOrigin } }])
  expect(preflight[0].at).toBeLessThan(put[0].at)

  // (c) The bar moved through values between empty and full, never back.
  const positions = await progress()
  expect(positions.filter((p) => p > 0 && p < 1).length).toBeGreaterThanOrEqual(2)
  expect(positions).toEqual([...positions].sort((a, b) => a - b))

  // (d) Through the BFF, the same bytes come back, as a download.
  const [download] = await Promise.all([page.waitForEvent('download'), goal.getByRole('link', { name: 'plan.png' }).click()])
  expect(download.suggestedFilename()).toBe('plan.png')
  expect(readFileSync((await download.path())!).equals(file.buffer)).toBe(true)

  // The wire inspector: the grant through the BFF, the upload straight to the API, the token
  // redacted wherever it appears. Only the site's own mock records its side of a request.
  if (process.env.DOTNET_API_URL) return
  const trace = async () => ((await (await page.request.get('/api/trace')).json()) as TracePage).events
  await expect.poll(async () => (await trace()).some((e) => e.from === 'browser' && e.to === 'api')).toBe(true)
  const events = await trace()
  const hop = (from: string, to: string, path: RegExp) => events.filter((e: TraceEvent) => e.from === from && e.to === to && path.test(e.path))
  const grantPath = /\/goals\/[0-9a-f-]{36}\/attachments\/grants$/
  expect(hop('browser', 'bff', grantPath).map((e) => [e.source, e.method, e.status])).toEqual([['proxy-route', 'POST', 201]])
  expect(hop('bff', 'api', grantPath).map((e) => [e.source, e.method, e.status])).toEqual([['proxy-route', 'POST', 201]])
  const [upload] = hop('browser', 'api', /^\/api\/uploads$/)
  expect(upload).toMatchObject({ method: 'PUT', status: 201 })
  expect(new Map(upload.requestHeaders).get('x-upload-token')).toBe(`[redacted, ${uploadToken.length} chars]`)
  expect(new Map(upload.requestHeaders).get('origin')).toBe(siteOrigin)
  expect(JSON.stringify(events)).not.toContain(uploadToken)
})

test('a cancelled upload can be retried, and the retry asks for a new grant', async ({ page }) => {
  await signInPrivately(page)
  const goal = await openFiles(page)
  // Slow enough that the upload is still under way when Cancel is pressed.
  const { cdp } = await watchNetwork(page, 256 * 1024)
  const { grants, puts } = recordUploadRequests(page)

  await fileInput(goal).setInputFiles(png('slow.png', 2 * 1024 * 1024))
  const bar = goal.getByRole('progressbar', { name: 'Uploading slow.png' })
  await expect.poll(() => bar.evaluate((element: HTMLProgressElement) => element.position)).toBeGreaterThan(0)
  await goal.getByRole('button', { name: 'Cancel upload' }).click()
  await expect(goal.getByRole('status')).toHaveText('The upload of slow.png was cancelled.')
  await expect(bar).toBeHidden()

  await throttle(cdp, -1)
  await goal.getByRole('button', { name: 'Retry upload' }).click()
  await expect(goal.getByTestId('attachment')).toHaveCount(1)
  await expect(goal.getByTestId('attachment')).toContainText('slow.png')
  // One grant per attempt: the cancelled PUT spent the first token.
  expect(grants).toHaveLength(2)
  expect(puts).toHaveLength(2)
  expect(await puts[0].headerValue('x-upload-token')).not.toBe(await puts[1].headerValue('x-upload-token'))
})

test('a file too large or not of its type gets an error that says what to do', async ({ page }, testInfo) => {
  await signInPrivately(page)
  const goal = await openFiles(page)
  const { puts } = recordUploadRequests(page)
  const alert = goal.getByRole('alert')

  // Over the 25 MB default: refused at the grant, before a byte of it moves.
  const tooLarge = testInfo.outputPath('too-large.png')
  writeFileSync(tooLarge, Buffer.concat([PNG_SIGNATURE, Buffer.alloc(25 * 1024 * 1024)]))
  await fileInput(goal).setInputFiles(tooLarge)
  await expect(alert).toHaveText('This file is too large: the limit is 25 MB. Choose a smaller file.')
  expect(puts).toHaveLength(0)

  // Named and typed as a PNG, but an executable's bytes: the API reads them and refuses.
  await fileInput(goal).setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from('MZ'), randomBytes(64 * 1024)]) })
  await expect(alert).toHaveText(/^The file's content does not match its type\. Choose a PNG/)
  expect(puts).toHaveLength(1)
  await expect(goal.getByRole('button', { name: 'Retry upload' })).toBeHidden()
  await expect(goal.getByText('No files yet.')).toBeVisible()

  // The open panel, with its error showing, passes axe as the rest of the demo does.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="goal-list"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
})
