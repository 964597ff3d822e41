import { request as httpRequest, type IncomingMessage } from 'node:http'
import { createBrotliDecompress, createGunzip } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { SIMULATED_NETWORKS, simulatedRoundTrips } from '../../bench/compare-with-bare'
import { measuredPages } from '../../bench/measured-pages'
import { setDemoControls, signInPrivately } from './support/goals'

// server.mjs compresses what the site sends: brotli to a browser that takes it,
// else gzip. Raw node:http here, because fetch and Playwright decode for you.

type Received = {
  encoding: string | undefined
  vary: string | undefined
  /** The response's bytes on the wire, its status line and headers included, as Lighthouse counts a transfer. */
  wireBytes: number
  text: string
  /** When, in ms from the request, the decoded body first held this text. */
  arrivedAt: (needle: string) => number | undefined
}

function get(url: string, headers: Record<string, string>): Promise<Received> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const outgoing = httpRequest(url, { headers }, (response: IncomingMessage) => {
      const encoding = response.headers['content-encoding']
      const decoder = encoding === 'br' ? createBrotliDecompress() : encoding === 'gzip' ? createGunzip() : undefined
      // The status line, each header line and the blank line after them.
      let wireBytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n\r\n`.length
      for (let i = 0; i < response.rawHeaders.length; i += 2) wireBytes += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`.length
      response.on('data', (chunk: Buffer) => void (wireBytes += chunk.length))
      // Decoded as a whole at the end: a chunk can end inside a character, or inside the text looked for.
      const chunks: Buffer[] = []
      const arrivals: { at: number; bytesSoFar: number }[] = []
      let bytesSoFar = 0
      const body = decoder ? response.pipe(decoder) : response
      body.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        bytesSoFar += chunk.length
        arrivals.push({ at: Date.now() - started, bytesSoFar })
      })
      body.on('error', reject)
      body.on('end', () => {
        const whole = Buffer.concat(chunks)
        const arrivedAt = (needle: string) => {
          const index = whole.indexOf(needle)
          return index < 0 ? undefined : arrivals.find((a) => a.bytesSoFar >= index + Buffer.byteLength(needle))?.at
        }
        resolve({ encoding, vary: response.headers.vary, wireBytes, text: whole.toString(), arrivedAt })
      })
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

test('a docs page goes out in brotli, in gzip, or as it is, whichever the browser takes, with the same HTML', async ({ baseURL }) => {
  const url = `${baseURL}/glossary`
  const brotli = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' })
  const gzip = await get(url, { 'accept-encoding': 'gzip' })
  const plain = await get(url, {})
  expect([brotli.encoding, gzip.encoding, plain.encoding]).toEqual(['br', 'gzip', undefined])
  // A cache in between must keep one copy per encoding.
  expect(brotli.vary).toMatch(/accept-encoding/i)
  expect(brotli.text).toContain('<h1')
  // Compared as booleans: a failure would otherwise print three pages of HTML.
  expect(gzip.text === brotli.text, 'gzip and brotli decode to the same page').toBe(true)
  expect(plain.text === brotli.text, 'the uncompressed page is the same page').toBe(true)
  expect(brotli.wireBytes).toBeLessThan(gzip.wireBytes)
  expect(gzip.wireBytes).toBeLessThan(plain.wireBytes / 4)
})

test('every docs page is at least 15% smaller in brotli than in gzip, and a round trip shorter on the simulated phone for several', async ({ baseURL }) => {
  const phone = SIMULATED_NETWORKS.mobile
  let fewerRoundTrips = 0
  for (const { path } of measuredPages().filter((page) => page.kind === 'docs')) {
    const brotli = await get(`${baseURL}${path}`, { 'accept-encoding': 'br' })
    const gzip = await get(`${baseURL}${path}`, { 'accept-encoding': 'gzip' })
    expect(brotli.wireBytes / gzip.wireBytes, path).toBeLessThan(0.85)
    if (simulatedRoundTrips(brotli.wireBytes, phone) < simulatedRoundTrips(gzip.wireBytes, phone)) fewerRoundTrips++
  }
  expect(fewerRoundTrips).toBeGreaterThanOrEqual(3)
})

test('a streamed page is compressed and still streams: the loading state arrives before the slow API answers', async ({ page, context, request, baseURL }) => {
  await signInPrivately(page)
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const latencyMs = 1500
  await setDemoControls(context, request, { latencyMs })
  try {
    const streamed = await get(`${baseURL}/demo/goals`, { 'accept-encoding': 'br, gzip', cookie })
    expect(streamed.encoding).toBe('br')
    const loadingAt = streamed.arrivedAt('Loading goals from the API')
    const goalsAt = streamed.arrivedAt('data-testid="goal-list"')
    expect(loadingAt, 'the loading state was never sent').toBeDefined()
    expect(goalsAt, 'the goals were never sent').toBeDefined()
    // React separates adjacent text with <!-- --> markers in HTML.
    expect(streamed.text.replaceAll('<!-- -->', '').includes('Page 1 of 3'), 'the goals never arrived').toBe(true)
    // Held back in the compressor, the loading state would arrive with the goals.
    expect(goalsAt! - loadingAt!).toBeGreaterThan(latencyMs / 2)
  } finally {
    await setDemoControls(context, request, null)
  }
})
