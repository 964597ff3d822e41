// 6. Workflow E: one large file straight to the API with a grant, against the
// same file streamed through the BFF (app/api/bench/upload-relay, enabled only
// on the benchmark's servers). The BFF runs in its own process, apart from the
// API, so its resident memory is the BFF's alone; it is sampled by PID while
// each upload runs.
import { request, type OutgoingHttpHeaders } from 'node:http'
import os from 'node:os'
import { CSRF, registerThroughBff, send } from './bff-client'
import { processTreeRss } from './bench-server'
import { round } from './measure-load'
import type { ApiName } from './proxy-overhead'
import { interleavedOrder, summarizeUploads, type UploadPathName, type UploadRun, type UploadSummary } from './upload-summary'

/** The file: 20 MiB, under both APIs' default per-file maximum of 25 MiB. */
export const UPLOAD_FILE_BYTES = 20 * 2 ** 20
const CONTENT_TYPE = 'image/png'
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** The warm-up's file: enough to run every code path once, too small to count. */
const WARMUP_BYTES = 2 ** 20
const SAMPLE_EVERY_MS = 50

/** One API behind a BFF in another process: `bffPid` is whose memory is sampled. */
export type UploadTarget = { api: ApiName; baseUrl: string; apiUrl: string; bffPid: number }

export type UploadPathResult = UploadSummary & {
  date: string
  loadAverageAtStart: number[]
  fileBytes: number
  contentType: string
  repetitions: number
  sampleEveryMs: number
  runs: UploadRun[]
}

/** Bytes the sniffers take for a PNG: its signature, then filler. */
export function benchFile(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x42)
  bytes.set(PNG_SIGNATURE)
  return bytes
}

export async function measureUploadPath(target: UploadTarget, { repetitions }: { repetitions: number }): Promise<UploadPathResult> {
  const loadAverageAtStart = os.loadavg().map((n) => round(n))
  const user = await signedInUser(target)
  // Warm both paths (route compilation, JIT, connection pools) before anything counts.
  for (const path of ['direct', 'proxied'] as const) await uploadOnce(target, user, path, benchFile(WARMUP_BYTES))
  const file = benchFile(UPLOAD_FILE_BYTES)
  const runs: UploadRun[] = []
  for (const path of interleavedOrder(repetitions)) runs.push(await uploadOnce(target, user, path, file))
  return {
    date: new Date().toISOString(),
    loadAverageAtStart,
    fileBytes: UPLOAD_FILE_BYTES,
    contentType: CONTENT_TYPE,
    repetitions,
    sampleEveryMs: SAMPLE_EVERY_MS,
    ...summarizeUploads(runs, UPLOAD_FILE_BYTES),
    runs,
  }
}

type User = { token: string; cookie: string }

async function signedInUser({ api, baseUrl }: UploadTarget): Promise<User> {
  const jar = await registerThroughBff(baseUrl, `bench-upload-${api}-${Date.now()}@example.com`)
  const token = jar.get('bff.access')
  if (!token) throw new Error(`registering through the ${api} site gave no access cookie`)
  return { token, cookie: jar.header() }
}

/**
 * One upload to a goal of its own, deleted afterwards with its file, so the
 * account's quota is never the limit however many repetitions run.
 */
async function uploadOnce(target: UploadTarget, user: User, path: UploadPathName, file: Buffer): Promise<UploadRun> {
  const bearer = { authorization: `Bearer ${user.token}` }
  const created = await send(`${target.apiUrl}/api/goals`, { method: 'POST', headers: bearer, body: { title: `Upload benchmark (${path})` } })
  if (created.status !== 201) throw new Error(`creating a goal on the ${target.api}: ${created.status} ${created.body}`)
  const goalId = (JSON.parse(created.body) as { id: string }).id
  const sampler = sampleRss(target.bffPid)
  const started = performance.now()
  const status = path === 'direct' ? await direct(target, user, goalId, file) : await proxied(target, user, goalId, file)
  const ms = performance.now() - started
  const rss = sampler.stop()
  await send(`${target.apiUrl}/api/goals/${goalId}`, { method: 'DELETE', headers: bearer })
  return { path, status, ms: round(ms, 1), bffRssBeforeBytes: rss.before, bffRssPeakBytes: rss.peak }
}

// #region upload-paths
/** Workflow E: a grant (the BFF's server-to-server call, made here with the same token), then the file to the API. */
async function direct({ apiUrl }: UploadTarget, user: User, goalId: string, file: Buffer): Promise<number> {
  const body = { fileName: 'bench.png', size: file.byteLength, contentType: CONTENT_TYPE }
  const granted = await send(`${apiUrl}/api/goals/${goalId}/attachments/grants`, { method: 'POST', headers: { authorization: `Bearer ${user.token}` }, body })
  if (granted.status !== 201) return granted.status
  const grant = JSON.parse(granted.body) as { uploadUrl: string; uploadToken: string }
  return putBytes(new URL(grant.uploadUrl, `${apiUrl}/`).href, { 'x-upload-token': grant.uploadToken }, file)
}

/** The comparison: the file to the BFF with the cookie, which asks for the grant and streams the body on. */
async function proxied({ baseUrl }: UploadTarget, user: User, goalId: string, file: Buffer): Promise<number> {
  return putBytes(`${baseUrl}/api/bench/upload-relay?goal=${goalId}&name=bench.png`, { cookie: user.cookie, ...CSRF }, file)
}
// #endregion upload-paths

/** A PUT of the whole file with its length, as a browser sends a File; resolves with the status once the answer is read. */
function putBytes(url: string, headers: OutgoingHttpHeaders, file: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { ...headers, 'content-type': CONTENT_TYPE, 'content-length': file.byteLength, accept: 'application/json' } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.setTimeout(120_000, () => req.destroy(new Error(`PUT ${url} timed out`)))
    req.on('error', reject)
    req.end(file)
  })
}

/** The BFF's RSS from /proc every SAMPLE_EVERY_MS until stopped: the value before, and the highest seen. */
function sampleRss(pid: number) {
  const before = processTreeRss(pid)
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, processTreeRss(pid))), SAMPLE_EVERY_MS)
  return {
    stop() {
      clearInterval(timer)
      return { before, peak: Math.max(peak, processTreeRss(pid)) }
    },
  }
}
