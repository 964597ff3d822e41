import { describe, expect, it } from 'vitest'
import { citedTests } from '@/site/lib/threat-model/cited-tests'
import { readSnapshot, SNAPSHOT_FILE } from '@/site/lib/threat-model/read-test-reports'
import { newerWins, repoRelativeFile, statusOf, type ReportResults } from '@/site/lib/threat-model/test-report-status'

describe('the committed test-status snapshot', () => {
  const snapshot = readSnapshot()

  it('has a result, with the date of its run, for every test a page cites', () => {
    expect(snapshot, `${SNAPSHOT_FILE} is missing: npm run test-status:snapshot`).not.toBeNull()
    const missing = citedTests()
      .filter((ref) => statusOf(ref, snapshot!.runners[ref.runner]) === 'not run')
      .map((ref) => `${ref.file} › ${ref.name}`)
    // A new citation needs a run that includes it: run its test, then npm run test-status:snapshot.
    expect(missing).toEqual([])
    for (const runner of ['e2e', 'unit', 'contract'] as const) expect(Date.parse(snapshot!.runners[runner]?.startedAt ?? '')).toBeGreaterThan(0)
  })
})

describe('a newer run over an older one', () => {
  const older: ReportResults = {
    startedAt: '2026-11-28T10:00:00.000Z',
    results: [
      { file: 'tests/e2e/a.spec.ts', title: 'kept from the older run', status: 'passed' },
      { file: 'tests/e2e/a.spec.ts', title: 'rerun', status: 'failed' },
    ],
  }
  const newer: ReportResults = { startedAt: '2026-11-29T10:00:00.000Z', results: [{ file: 'a.spec.ts', title: 'rerun', status: 'passed' }] }

  it('takes each test from the run that started later, and keeps the rest', () => {
    for (const merged of [newerWins('e2e', newer, older), newerWins('e2e', older, newer)]) {
      expect(merged?.startedAt).toBe(newer.startedAt)
      expect(statusOf({ runner: 'e2e', file: 'tests/e2e/a.spec.ts', name: 'rerun' }, merged)).toBe('passed')
      expect(statusOf({ runner: 'e2e', file: 'tests/e2e/a.spec.ts', name: 'kept from the older run' }, merged)).toBe('passed')
      expect(merged?.results).toHaveLength(2)
    }
  })

  it('lets an older report lose to a newer snapshot', () => {
    const stale: ReportResults = { startedAt: '2026-11-27T10:00:00.000Z', results: [{ file: 'tests/e2e/a.spec.ts', title: 'rerun', status: 'passed' }] }
    expect(statusOf({ runner: 'e2e', file: 'tests/e2e/a.spec.ts', name: 'rerun' }, newerWins('e2e', stale, older))).toBe('failed')
  })

  it('is the one report when there is only one', () => {
    expect(newerWins('unit', null, older)).toBe(older)
    expect(newerWins('unit', null, null)).toBeNull()
  })
})

describe('repoRelativeFile', () => {
  it('puts every runner’s file paths on the repository root', () => {
    expect(repoRelativeFile('e2e', 'attack-lab.spec.ts')).toBe('tests/e2e/attack-lab.spec.ts')
    expect(repoRelativeFile('e2e', 'tests/e2e/attack-lab.spec.ts')).toBe('tests/e2e/attack-lab.spec.ts')
    expect(repoRelativeFile('unit', '/tmp/ci-1/tests/unit/bff/x.test.ts')).toBe('tests/unit/bff/x.test.ts')
    expect(repoRelativeFile('contract', 'C:\\work\\tests\\contract\\goals.test.ts')).toBe('tests/contract/goals.test.ts')
  })
})
