import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fromPlaywrightReport, fromVitestReport, statusOf, type TestRef } from '@/site/lib/threat-model/test-report-status'

const fixture = (name: string) => JSON.parse(readFileSync(`tests/unit/security/fixtures/${name}`, 'utf8'))
const e2e = (name: string, file = 'tests/e2e/attack-lab.spec.ts'): TestRef => ({ runner: 'e2e', file, name })
const unit = (name: string): TestRef => ({ runner: 'unit', file: 'tests/unit/security/example.test.ts', name })

describe('the threat model status of a test, from a Playwright report', () => {
  const report = fromPlaywrightReport(fixture('playwright-report.json'))

  it('maps expected, unexpected, skipped and flaky', () => {
    expect(statusOf(e2e('passes'), report)).toBe('passed')
    expect(statusOf(e2e('the attack lab › passes'), report)).toBe('passed')
    expect(statusOf(e2e('top level passes'), report)).toBe('passed')
    expect(statusOf(e2e('fails'), report)).toBe('failed')
    expect(statusOf(e2e('is skipped'), report)).toBe('skipped')
    expect(statusOf(e2e('passes on retry'), report)).toBe('flaky')
    expect(report.startedAt).toBe('2026-11-27T09:00:00.000Z')
  })

  it('says "not run" for a test missing from the report, or a test of another file', () => {
    expect(statusOf(e2e('was never written'), report)).toBe('not run')
    expect(statusOf(e2e('fails elsewhere'), report)).toBe('not run')
    // A file whose name ends like another's is not that file.
    expect(statusOf(e2e('passes', 'tests/e2e/lab.spec.ts'), report)).toBe('not run')
    expect(statusOf(e2e('fails elsewhere', 'tests/e2e/proxy-attack-lab.spec.ts'), report)).toBe('failed')
  })

  it('says "not run" when there is no report at all', () => {
    expect(statusOf(e2e('passes'), null)).toBe('not run')
  })
})

describe('the threat model status of a test, from a Vitest report', () => {
  const report = fromVitestReport(fixture('vitest-report.json'))

  it('maps passed, failed, skipped and pending', () => {
    expect(statusOf(unit('passes'), report)).toBe('passed')
    expect(statusOf(unit('a describe › fails'), report)).toBe('failed')
    expect(statusOf(unit('is skipped'), report)).toBe('skipped')
    expect(statusOf(unit('is pending'), report)).toBe('skipped')
    expect(statusOf(unit('missing'), report)).toBe('not run')
    expect(report.startedAt).toBe(new Date(1795770000000).toISOString())
  })

  it('reads an empty or odd report as having no results, never as a pass', () => {
    expect(statusOf(unit('passes'), fromVitestReport({}))).toBe('not run')
    expect(statusOf(e2e('passes'), fromPlaywrightReport({}))).toBe('not run')
  })
})
