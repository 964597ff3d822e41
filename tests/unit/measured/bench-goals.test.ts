import { describe, expect, it } from 'vitest'
import { QUALITY_GOALS } from '@/bench/compare-with-bare'
import { LOAD_GOALS, PROXY_GOALS, UPLOAD_GOALS } from '@/bench/goals'
import type { ProxyOverheadResult } from '@/bench/proxy-overhead'
import type { UploadPathResult } from '@/bench/upload-path'
import type { BenchResults } from '@/site/lib/measured/read-bench-results'
import { evaluateGoals, GOALS, meets } from '@/site/lib/measured/bench-goals'

const base: BenchResults = {
  date: '2026-11-29T00:00:00.000Z',
  mode: 'full',
  machine: { cpus: 2, cpuModel: 'test', memoryBytes: 2 ** 30, platform: 'test', node: 'v20', loadAverageAtStart: [0, 0, 0] },
  dotnetApi: { measured: false, reason: 'not in this test' },
}

/** A proxy row with only the figures the goals read. */
const proxyRow = (connections: number, figures: Partial<ProxyOverheadResult>) => ({ connections, ...figures }) as ProxyOverheadResult

const withMockProxy = (addedP50Ms: number, throughputRatio: number): BenchResults => ({
  ...base,
  proxyOverhead: { mock: [proxyRow(1, { addedP50Ms }), proxyRow(10, { throughputRatio })] },
})

const goal = (results: BenchResults, id: string) => {
  const found = evaluateGoals(results).find((result) => result.goal.id === id)
  if (!found) throw new Error(`no goal ${id}`)
  return found
}

describe('meets', () => {
  it('counts a value equal to its threshold as met, either way', () => {
    expect(meets(1, 'at most', 1)).toBe(true)
    expect(meets(0.45, 'at least', 0.45)).toBe(true)
  })
})

describe('evaluateGoals', () => {
  const limit = PROXY_GOALS.maxAddedP50Ms
  const floor = PROXY_GOALS.minThroughputRatioAtTen

  it('marks an "at most" goal met just under its threshold and missed just over it', () => {
    expect(goal(withMockProxy(limit - 0.001, floor), 'proxy-added-p50').status).toBe('met')
    expect(goal(withMockProxy(limit + 0.001, floor), 'proxy-added-p50').status).toBe('missed')
  })

  it('marks an "at least" goal met just over its threshold and missed just under it', () => {
    expect(goal(withMockProxy(limit, floor + 0.001), 'proxy-throughput-ratio').status).toBe('met')
    expect(goal(withMockProxy(limit, floor - 0.001), 'proxy-throughput-ratio').status).toBe('missed')
  })

  it('says "not measured" for an API the run did not measure, and never met without a figure', () => {
    const result = goal(withMockProxy(limit, floor), 'proxy-added-p50')
    expect(result.checks.map((check) => [check.subject, check.status])).toEqual([
      ['mock', 'met'],
      ['.NET API', 'not measured'],
    ])
    expect(goal(base, 'proxy-added-p50').status).toBe('not measured')
    expect(goal(base, 'lighthouse-performance').status).toBe('not measured')
  })

  it('misses a goal when one subject of many misses it', () => {
    const figures = (performance: number) => ({
      scores: { performance, accessibility: 100, 'best-practices': 100 },
      metrics: { fcpMs: 800, lcpMs: 2000, tbtMs: 0, speedIndexMs: 800, cls: 0, interactiveMs: 2500 },
      weight: { htmlTransferBytes: 10_000, renderBlockingCss: { files: 1, transferBytes: 15_000 }, renderBlockingScripts: 0 },
      firstPaint: { htmlMs: 600, blockingDownloadsMs: 180, mainThreadMs: 20 },
      failedAudits: [],
    })
    // Points over the bare page's score: 0 meets the goal, -1 misses it.
    const row = (path: string, overBare: number) => ({
      ...figures(95 + overBare), page: path, path, kind: 'docs' as const, formFactor: 'mobile' as const, performanceRuns: [95 + overBare],
      vsBare: { performance: overBare, fcpRatio: 1, lcpRatio: 1 },
    })
    const bare = { url: '/' as const, runs: [{ ...figures(95), formFactor: 'mobile' as const, pass: 1 }] }
    const pageQuality = { lighthouse: '12', chromium: 'test', seconds: 1, loadAverageAtStart: [0, 0, 0], goals: QUALITY_GOALS, bare, rows: [row('/', 0), row('/measured', -1)] }
    const results: BenchResults = { ...base, pageQuality }
    const performance = goal(results, 'lighthouse-performance')
    expect(performance.threshold).toBe(QUALITY_GOALS.performanceOverBare)
    expect(performance.status).toBe('missed')
    expect(performance.checks.filter((check) => check.status === 'missed').map((check) => check.subject)).toEqual(['/measured (mobile)'])
    expect(goal(results, 'lighthouse-accessibility').status).toBe('met')
  })

  it('holds the load run to zero lost writes: one lost write is missed', () => {
    const load = (missingOrWrong: number) => ({ integrity: { missingOrWrong, foreignGoalsSeen: LOAD_GOALS.maxForeignGoalsSeen } }) as NonNullable<BenchResults['loadIntegrity']>['mock']
    expect(goal({ ...base, loadIntegrity: { mock: load(LOAD_GOALS.maxLostAcknowledgedWrites) } }, 'load-lost-writes').status).toBe('met')
    expect(goal({ ...base, loadIntegrity: { mock: load(LOAD_GOALS.maxLostAcknowledgedWrites + 1) } }, 'load-lost-writes').status).toBe('missed')
  })

  it('has a unique id for every goal', () => {
    expect(new Set(GOALS.map((g) => g.id)).size).toBe(GOALS.length)
  })
})

describe('the goal against the naive proxy', () => {
  const floor = PROXY_GOALS.minSiteOverNaiveThroughput
  const withRatios = (one: number, ten: number): BenchResults => ({
    ...base,
    proxyOverhead: { mock: [proxyRow(1, { siteOverNaiveThroughput: one }), proxyRow(10, { siteOverNaiveThroughput: ten })] },
  })

  it('is met with this site’s proxy exactly as fast as the naive one, and missed just under it at either connection count', () => {
    expect(goal(withRatios(floor, floor), 'proxy-site-over-naive').status).toBe('met')
    expect(goal(withRatios(floor - 0.001, floor + 0.3), 'proxy-site-over-naive').status).toBe('missed')
    const missed = goal(withRatios(floor + 0.3, floor - 0.001), 'proxy-site-over-naive')
    expect(missed.status).toBe('missed')
    expect(missed.checks.filter((check) => check.status === 'missed').map((check) => check.subject)).toEqual(['mock, 10 connections'])
  })

  it('is not measured for a run from before the naive proxy was measured', () => {
    expect(goal(withMockProxy(0.5, 0.5), 'proxy-site-over-naive').status).toBe('not measured')
  })
})

describe('the upload goal', () => {
  const floor = UPLOAD_GOALS.minThroughputRatio
  const withUploads = (mock: number | null, dotnet?: number): BenchResults => ({
    ...base,
    uploadPath: {
      mock: { throughputRatio: mock } as UploadPathResult,
      ...(dotnet === undefined ? {} : { dotnet: { throughputRatio: dotnet } as UploadPathResult }),
    },
  })

  it('is met at its ratio and missed just under it, on either API', () => {
    expect(goal(withUploads(floor), 'upload-throughput-ratio').status).toBe('met')
    expect(goal(withUploads(floor - 0.01), 'upload-throughput-ratio').status).toBe('missed')
    expect(goal(withUploads(floor + 1, floor - 0.01), 'upload-throughput-ratio').status).toBe('missed')
  })

  it('is not measured without a ratio', () => {
    expect(goal(base, 'upload-throughput-ratio').status).toBe('not measured')
    expect(goal(withUploads(null), 'upload-throughput-ratio').status).toBe('not measured')
  })
})
