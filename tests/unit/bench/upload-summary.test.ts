import { describe, expect, it } from 'vitest'
import { checkUploadPath, SHORT_RUN_THRESHOLDS } from '@/bench/check-short-run'
import { benchFile, type UploadPathResult } from '@/bench/upload-path'
import { interleavedOrder, mibPerSecond, summarizeUploads, type UploadRun } from '@/bench/upload-summary'

const MIB = 2 ** 20
const FILE = 20 * MIB

const run = (path: UploadRun['path'], ms: number, { status = 201, before = 100 * MIB, peak = 100 * MIB } = {}): UploadRun => ({
  path,
  status,
  ms,
  bffRssBeforeBytes: before,
  bffRssPeakBytes: peak,
})

describe('summarizeUploads', () => {
  it('takes each path’s median MiB/s and divides direct by proxied', () => {
    // Direct: 200, 100 and 50 MiB/s, median 100. Proxied: 50 and 40 MiB/s, median 45 (the median of the rates, not of the times).
    const summary = summarizeUploads([run('direct', 100), run('proxied', 400), run('direct', 200), run('proxied', 500), run('direct', 400)], FILE)
    expect(summary.direct).toMatchObject({ uploads: 3, medianMs: 200, medianMiBps: 100 })
    expect(summary.proxied).toMatchObject({ uploads: 2, medianMs: 450, medianMiBps: 45 })
    expect(summary.throughputRatio).toBe(2.22)
    expect(summary.errors).toBe(0)
  })

  it('reports the most the BFF grew during one upload of each path, from the RSS before that upload', () => {
    const summary = summarizeUploads(
      [
        run('direct', 200, { before: 100 * MIB, peak: 101 * MIB }),
        run('proxied', 400, { before: 100 * MIB, peak: 140 * MIB }),
        // Memory not yet returned: a higher start, and less growth on top of it.
        run('direct', 200, { before: 130 * MIB, peak: 130 * MIB }),
        run('proxied', 400, { before: 130 * MIB, peak: 145 * MIB }),
      ],
      FILE,
    )
    expect(summary.bffBaselineMiB).toBe(100)
    expect(summary.direct).toMatchObject({ bffPeakGrowthMiB: 1, bffPeakMiB: 130 })
    expect(summary.proxied).toMatchObject({ bffPeakGrowthMiB: 40, bffPeakMiB: 145 })
  })

  it('leaves failed uploads out of the medians and counts them as errors', () => {
    const summary = summarizeUploads([run('direct', 200), run('proxied', 1, { status: 413 }), run('proxied', 400)], FILE)
    expect(summary.proxied).toMatchObject({ uploads: 1, medianMs: 400 })
    expect(summary.errors).toBe(1)
  })

  it('has no ratio when one path never succeeded, rather than a made-up one', () => {
    const summary = summarizeUploads([run('direct', 200), run('proxied', 400, { status: 502 })], FILE)
    expect(summary.proxied.medianMiBps).toBeNull()
    expect(summary.throughputRatio).toBeNull()
  })
})

describe('the upload benchmark’s parts', () => {
  it('alternates the paths, starting direct', () => {
    expect(interleavedOrder(3)).toEqual(['direct', 'proxied', 'direct', 'proxied', 'direct', 'proxied'])
  })

  it('counts MiB per second', () => {
    expect(mibPerSecond(20 * MIB, 500)).toBe(40)
  })

  it('makes a file of the size whose first bytes are a PNG signature', () => {
    const file = benchFile(4096)
    expect(file.byteLength).toBe(4096)
    expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  })
})

describe('the short run’s upload check', () => {
  const floor = SHORT_RUN_THRESHOLDS.minUploadThroughputRatio
  const withRatio = (throughputRatio: number | null) => ({
    uploadPath: { mock: { throughputRatio, direct: { medianMiBps: 10 }, proxied: { medianMiBps: 20 } } as UploadPathResult },
  })

  it('fails only when direct falls below the floor against the relay', () => {
    expect(checkUploadPath(withRatio(floor))).toEqual([])
    expect(checkUploadPath(withRatio(floor - 0.01))).toHaveLength(1)
    expect(checkUploadPath(withRatio(floor - 0.01))[0]).toContain('below')
  })

  it('says nothing when the run did not measure uploads', () => {
    expect(checkUploadPath({})).toEqual([])
    expect(checkUploadPath(withRatio(null))).toEqual([])
  })
})
