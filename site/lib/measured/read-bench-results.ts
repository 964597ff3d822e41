import 'server-only'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BundleBudgets } from '@/bench/bundle-budgets'
import type { DotnetApiStatus } from '@/bench/dotnet-site'
import type { LoadIntegrityResult } from '@/bench/load-integrity'
import type { MultiInstanceLoadResult } from '@/bench/multi-instance-load'
import type { PageQuality } from '@/bench/page-quality'
import type { PasswordCost } from '@/bench/password-cost'
import type { ApiName, ProxyOverheadResult } from '@/bench/proxy-overhead'
import type { RenderTtfbResult } from '@/bench/render-ttfb'
import type { UploadPathResult } from '@/bench/upload-path'

/** bench/results.json, as `npm run bench` writes it. Proxy and load have one entry per API measured. */
export type BenchResults = {
  date: string
  mode: 'full' | 'short'
  machine: { cpus: number; cpuModel: string; memoryBytes: number; platform: string; node: string; loadAverageAtStart: number[] }
  dotnetApi: DotnetApiStatus
  passwordCost?: PasswordCost
  proxyOverhead?: Partial<Record<ApiName, ProxyOverheadResult[]>>
  renderTtfb?: RenderTtfbResult
  loadIntegrity?: Partial<Record<ApiName, LoadIntegrityResult>> & { multiInstance?: MultiInstanceLoadResult }
  pageQuality?: PageQuality
  bundleBudgets?: BundleBudgets
  uploadPath?: Partial<Record<ApiName, UploadPathResult>>
}

export const RESULTS_FILE = 'bench/results.json'

/**
 * Reads the committed results at build time (the page is prerendered). No file
 * (or one in the format from before both APIs were measured) means nothing to
 * show, and the page says so; a file that does not parse is an authoring
 * mistake and fails the build.
 */
export function readBenchResults(): BenchResults | null {
  let text: string
  try {
    text = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), RESULTS_FILE), 'utf8')
  } catch {
    return null
  }
  const results = JSON.parse(text) as BenchResults
  if (!results.date || !results.machine) throw new Error(`${RESULTS_FILE}: not a benchmark result (no date or machine)`)
  // A file from before both APIs were measured (one proxy list, no dotnetApi):
  // its figures would sit in the wrong columns, so the page says "not measured yet".
  if (!results.dotnetApi || Array.isArray(results.proxyOverhead)) {
    console.warn(`${RESULTS_FILE} predates the .NET API columns; run npm run bench to measure both APIs`)
    return null
  }
  return results
}
