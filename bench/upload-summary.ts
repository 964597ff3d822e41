// The pure half of the upload benchmark (bench/upload-path.ts): from the timed
// runs to the figures results.json keeps. Kept apart so unit tests can hold
// the arithmetic without a server.
import { median, round } from './measure-load'

export type UploadPathName = 'direct' | 'proxied'

/** Uploads each way: the full run's, and the short run's that `npm test` ends with. */
export const UPLOAD_REPETITIONS = { full: 5, short: 2 }

/** One timed upload: the grant and the PUT, and the BFF's resident memory around it. */
export type UploadRun = {
  path: UploadPathName
  status: number
  ms: number
  /** The BFF's RSS just before the upload started, and the highest sample while it ran. */
  bffRssBeforeBytes: number
  bffRssPeakBytes: number
}

export type UploadPathFigures = {
  /** Uploads that ended in 201; only these count below. */
  uploads: number
  /** Null when no upload of this path succeeded. */
  medianMs: number | null
  medianMiBps: number | null
  /** The most the BFF's RSS grew during one upload of this path (peak minus the RSS before it). */
  bffPeakGrowthMiB: number
  /** The highest RSS the BFF reached during any upload of this path. */
  bffPeakMiB: number
}

export type UploadSummary = {
  direct: UploadPathFigures
  proxied: UploadPathFigures
  /** Direct ÷ proxied median MiB/s: above 1, the direct path is faster. Null without both. */
  throughputRatio: number | null
  /** The BFF's RSS before the first timed upload. */
  bffBaselineMiB: number
  /** Uploads that did not end in 201 Created. */
  errors: number
}

const MIB = 2 ** 20
const mib = (bytes: number) => round(bytes / MIB, 1)

export function mibPerSecond(bytes: number, ms: number): number {
  return bytes / MIB / (ms / 1000)
}

export function summarizeUploads(runs: UploadRun[], fileBytes: number): UploadSummary {
  if (runs.length === 0) throw new Error('summarizeUploads: no runs')
  const figures = (path: UploadPathName): UploadPathFigures => {
    const mine = runs.filter((run) => run.path === path)
    const ok = mine.filter((run) => run.status === 201)
    // Every upload says how the BFF grew, a failed one too: memory is spent either way.
    const growth = mine.map((run) => Math.max(0, run.bffRssPeakBytes - run.bffRssBeforeBytes))
    return {
      uploads: ok.length,
      medianMs: ok.length ? round(median(ok.map((run) => run.ms)), 1) : null,
      medianMiBps: ok.length ? round(median(ok.map((run) => mibPerSecond(fileBytes, run.ms))), 1) : null,
      bffPeakGrowthMiB: mib(Math.max(0, ...growth)),
      bffPeakMiB: mib(Math.max(0, ...mine.map((run) => run.bffRssPeakBytes))),
    }
  }
  const direct = figures('direct')
  const proxied = figures('proxied')
  return {
    direct,
    proxied,
    throughputRatio: direct.medianMiBps && proxied.medianMiBps ? round(direct.medianMiBps / proxied.medianMiBps, 2) : null,
    bffBaselineMiB: mib(runs[0].bffRssBeforeBytes),
    errors: runs.filter((run) => run.status !== 201).length,
  }
}

/** Direct, proxied, direct, …: each path's runs spread over the same stretch of a shared machine. */
export function interleavedOrder(repetitions: number): UploadPathName[] {
  return Array.from({ length: repetitions }, () => ['direct', 'proxied'] as const).flat()
}
