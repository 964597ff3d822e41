import { LOAD_GOALS, PROXY_GOALS, UPLOAD_GOALS } from '@/bench/goals'
import type { ApiName } from '@/bench/proxy-overhead'
import type { BenchResults } from './read-bench-results'

export type Comparison = 'at most' | 'at least'
export type GoalUnit = 'ms' | 'ratio' | 'count' | 'score' | 'bytes'
export type GoalStatus = 'met' | 'missed' | 'not measured'

/** One thing a goal is checked on (an API, a page): `value` null when the run did not measure it. */
export type GoalCheck = { subject: string; value: number | null }

export type Goal = {
  id: string
  /** The heading id of the Measured page's section that explains the measurement. */
  section: '1-proxy-overhead' | '3-load-with-data-integrity' | '4-page-quality' | '5-bundle-budgets' | '6-workflow-e-uploads'
  what: string
  unit: GoalUnit
  comparison: Comparison
  /** From bench/goals.ts, or from what the run recorded as its goal (Lighthouse scores, the size limit over the bare page). */
  threshold: (results: BenchResults) => number | undefined
  checks: (results: BenchResults) => GoalCheck[]
}

export type GoalResult = {
  goal: Goal
  threshold: number | undefined
  checks: (GoalCheck & { status: GoalStatus })[]
  status: GoalStatus
}

export const API_LABELS: Record<ApiName, string> = { mock: 'mock', dotnet: '.NET API' }
const API_NAMES = Object.keys(API_LABELS) as ApiName[]

/** Whether a value reaches its threshold. Equal counts as met: "at most 1 ms" allows 1 ms. */
export function meets(value: number, comparison: Comparison, threshold: number): boolean {
  return comparison === 'at most' ? value <= threshold : value >= threshold
}

const perApi = (value: (results: BenchResults, api: ApiName) => number | undefined) => (results: BenchResults) =>
  API_NAMES.map((api) => ({ subject: API_LABELS[api], value: value(results, api) ?? null }))

const proxyAt = (results: BenchResults, api: ApiName, connections: number) =>
  results.proxyOverhead?.[api]?.find((row) => row.connections === connections)

type QualityRow = NonNullable<BenchResults['pageQuality']>['rows'][number]
const qualityChecks = (value: (row: QualityRow) => number, kind?: QualityRow['kind']) => (r: BenchResults) =>
  (r.pageQuality?.rows ?? []).filter((row) => !kind || row.kind === kind).map((row) => ({ subject: `${row.path} (${row.formFactor})`, value: value(row) }))

const lighthouse = (category: 'accessibility' | 'best-practices', what: string): Goal => ({
  id: `lighthouse-${category}`,
  section: '4-page-quality',
  what: `Lighthouse ${what}, every page and form factor`,
  unit: 'score',
  comparison: 'at least',
  threshold: (r) => r.pageQuality?.goals[category],
  checks: qualityChecks((row) => row.scores[category]),
})

/** A docs page's figure over the bare Nextra page's, in the same run (bench/compare-with-bare.ts). */
const overBare = (id: 'performance' | 'fcp' | 'lcp', what: string, unit: GoalUnit, comparison: Comparison): Goal => ({
  id: `lighthouse-${id}`,
  section: '4-page-quality',
  what: `${what}, every docs page and form factor`,
  unit,
  comparison,
  threshold: (r) => (id === 'performance' ? r.pageQuality?.goals.performanceOverBare : r.pageQuality?.goals.paintOverBare),
  checks: qualityChecks((row) => (id === 'performance' ? row.vsBare.performance : id === 'fcp' ? row.vsBare.fcpRatio : row.vsBare.lcpRatio), 'docs'),
})

export const GOALS: Goal[] = [
  {
    id: 'proxy-added-p50',
    section: '1-proxy-overhead',
    what: 'Added p50 of a proxied request, 1 connection',
    unit: 'ms',
    comparison: 'at most',
    threshold: () => PROXY_GOALS.maxAddedP50Ms,
    checks: perApi((r, api) => proxyAt(r, api, 1)?.addedP50Ms),
  },
  {
    id: 'proxy-throughput-ratio',
    section: '1-proxy-overhead',
    what: 'Throughput ratio (proxied ÷ direct), 10 connections',
    unit: 'ratio',
    comparison: 'at least',
    threshold: () => PROXY_GOALS.minThroughputRatioAtTen,
    checks: perApi((r, api) => proxyAt(r, api, 10)?.throughputRatio),
  },
  {
    id: 'proxy-site-over-naive',
    section: '1-proxy-overhead',
    what: "Throughput of this site's proxy ÷ the naive proxy's, 1 and 10 connections",
    unit: 'ratio',
    comparison: 'at least',
    threshold: () => PROXY_GOALS.minSiteOverNaiveThroughput,
    checks: (r) =>
      API_NAMES.flatMap((api) =>
        [1, 10].map((connections) => ({
          subject: `${API_LABELS[api]}, ${connections} connection${connections === 1 ? '' : 's'}`,
          value: proxyAt(r, api, connections)?.siteOverNaiveThroughput ?? null,
        })),
      ),
  },
  {
    id: 'load-lost-writes',
    section: '3-load-with-data-integrity',
    what: 'Acknowledged writes lost under load',
    unit: 'count',
    comparison: 'at most',
    threshold: () => LOAD_GOALS.maxLostAcknowledgedWrites,
    checks: perApi((r, api) => r.loadIntegrity?.[api]?.integrity.missingOrWrong),
  },
  {
    id: 'load-foreign-goals',
    section: '3-load-with-data-integrity',
    what: 'Goals shown to a user they do not belong to',
    unit: 'count',
    comparison: 'at most',
    threshold: () => LOAD_GOALS.maxForeignGoalsSeen,
    checks: perApi((r, api) => r.loadIntegrity?.[api]?.integrity.foreignGoalsSeen),
  },
  overBare('performance', "Lighthouse performance, points over the bare Nextra page's", 'score', 'at least'),
  overBare('fcp', "First contentful paint ÷ the bare page's", 'ratio', 'at most'),
  overBare('lcp', "Largest contentful paint ÷ the bare page's", 'ratio', 'at most'),
  {
    id: 'lighthouse-cls',
    section: '4-page-quality',
    what: 'Cumulative layout shift, every page and form factor',
    unit: 'score',
    comparison: 'at most',
    threshold: (r) => r.pageQuality?.goals.cls,
    checks: qualityChecks((row) => row.metrics.cls),
  },
  lighthouse('accessibility', 'accessibility'),
  lighthouse('best-practices', 'best practices'),
  {
    id: 'bundle-over-bare',
    section: '5-bundle-budgets',
    what: "First-load JavaScript over the bare Nextra page's (a demo page's own code left out), every page",
    unit: 'bytes',
    comparison: 'at most',
    threshold: (r) => r.bundleBudgets?.overBareLimitBytes,
    checks: (r) => (r.bundleBudgets?.rows ?? []).map((row) => ({ subject: row.route, value: row.overBareGzipBytes })),
  },
  {
    id: 'upload-throughput-ratio',
    section: '6-workflow-e-uploads',
    what: 'Throughput ratio of one large file (direct ÷ through the BFF)',
    unit: 'ratio',
    comparison: 'at least',
    threshold: () => UPLOAD_GOALS.minThroughputRatio,
    checks: perApi((r, api) => r.uploadPath?.[api]?.throughputRatio ?? undefined),
  },
]

/**
 * Each goal against the run. A goal is missed when any subject misses it, met
 * when every measured subject meets it, and "not measured" when the run has no
 * figure for any subject: a goal never shows met without a number behind it.
 */
export function evaluateGoals(results: BenchResults, goals: Goal[] = GOALS): GoalResult[] {
  return goals.map((goal) => {
    const threshold = goal.threshold(results)
    const checks = goal.checks(results).map((check) => ({
      ...check,
      status: (check.value === null || threshold === undefined
        ? 'not measured'
        : meets(check.value, goal.comparison, threshold)
          ? 'met'
          : 'missed') as GoalStatus,
    }))
    const status: GoalStatus = checks.some((c) => c.status === 'missed')
      ? 'missed'
      : checks.some((c) => c.status === 'met')
        ? 'met'
        : 'not measured'
    return { goal, threshold, checks, status }
  })
}
