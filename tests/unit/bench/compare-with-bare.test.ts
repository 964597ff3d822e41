import { describe, expect, it } from 'vitest'
import { bareReference, versusBare } from '@/bench/compare-with-bare'

const run = (performance: number, fcpMs: number, lcpMs: number) => ({
  scores: { performance, accessibility: 100, 'best-practices': 100 },
  metrics: { fcpMs, lcpMs, tbtMs: 0, speedIndexMs: 0, cls: 0 },
})

describe('bareReference', () => {
  it('takes each figure at its best across the bare runs, so a slow bare run never lowers the bar', () => {
    expect(bareReference([run(90, 900, 2400), run(94, 1000, 2200)])).toEqual({ performance: 94, fcpMs: 900, lcpMs: 2200 })
  })

  it('refuses a form factor whose bare page was not measured', () => {
    expect(() => bareReference([])).toThrow('the bare page was not measured')
  })
})

describe('versusBare', () => {
  const bare = { performance: 94, fcpMs: 800, lcpMs: 2000 }

  it('gives the score in points over the bare page and the paints as ratios of its', () => {
    expect(versusBare(run(91, 880, 2500), bare)).toEqual({ performance: -3, fcpRatio: 1.1, lcpRatio: 1.25 })
  })

  it('is zero points and ratio 1 for a page exactly as fast as the bare one', () => {
    expect(versusBare(run(94, 800, 2000), bare)).toEqual({ performance: 0, fcpRatio: 1, lcpRatio: 1 })
  })
})
