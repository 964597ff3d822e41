import { describe, expect, it } from 'vitest'
import { bareReference, firstPaintPath, medianRun, paintAllowanceMs, SIMULATED_NETWORKS, simulatedRoundTrips, versusBare, type SimulatedNode } from '@/bench/compare-with-bare'

const run = (performance: number, fcpMs: number, lcpMs: number, interactiveMs = 3000) => ({
  scores: { performance, accessibility: 100, 'best-practices': 100 },
  metrics: { fcpMs, lcpMs, tbtMs: 0, speedIndexMs: 0, cls: 0, interactiveMs },
})

describe('medianRun', () => {
  it('keeps the run nearest the median first paint and time to interactive, not the best or the worst', () => {
    const fast = run(99, 800, 1900, 2500)
    const middle = run(93, 900, 2100, 3000)
    const slow = run(80, 1100, 2600, 4200)
    for (const order of [[fast, middle, slow], [slow, fast, middle], [middle, slow, fast]]) expect(medianRun(order)).toBe(middle)
  })

  it('takes every figure from that one run', () => {
    const middle = run(90, 900, 2900, 3000)
    expect(medianRun([run(99, 800, 1900, 2500), middle, run(95, 1100, 2000, 4200)]).metrics).toEqual(middle.metrics)
  })

  it('refuses a page that was not measured', () => {
    expect(() => medianRun([])).toThrow('the page was not measured')
  })
})

describe('bareReference', () => {
  it('is the bare page’s median run, so neither its best nor its worst moment sets the bar', () => {
    expect(bareReference([run(98, 850, 1900, 2500), run(90, 900, 2200, 3100), run(86, 950, 2400, 4000)])).toEqual({ performance: 90, fcpMs: 900, lcpMs: 2200 })
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

describe('paintAllowanceMs', () => {
  it('is the 10% of the bare page\'s paint that the goal allows on top of it', () => {
    expect(paintAllowanceMs(800)).toBeCloseTo(80)
    expect(paintAllowanceMs(222)).toBeCloseTo(22.2)
  })
})

describe("the round trips of Lighthouse's simulated networks", () => {
  const { mobile, desktop } = SIMULATED_NETWORKS

  it('bring 10 segments with the first byte, then twice as many each round trip, up to what the throughput carries', () => {
    expect(simulatedRoundTrips(1, mobile)).toBe(1)
    expect(simulatedRoundTrips(14_600, mobile)).toBe(1)
    expect(simulatedRoundTrips(14_601, mobile)).toBe(2)
    // Slow 4G: 10 + 20 segments; the window is capped at 21 (1.6 Mbit/s for 150 ms is 31,457 bytes), so the next brings 21.
    expect(simulatedRoundTrips(30 * 1460, mobile)).toBe(2)
    expect(simulatedRoundTrips(30 * 1460 + 1, mobile)).toBe(3)
    expect(simulatedRoundTrips(51 * 1460, mobile)).toBe(3)
    expect(simulatedRoundTrips(51 * 1460 + 1, mobile)).toBe(4)
    // Dense 4G: 10 + 20 + 35 (10 Mbit/s for 40 ms is 52,428 bytes, 35 segments).
    expect(simulatedRoundTrips(30 * 1460 + 1, desktop)).toBe(3)
    expect(simulatedRoundTrips(65 * 1460, desktop)).toBe(3)
    expect(simulatedRoundTrips(65 * 1460 + 1, desktop)).toBe(4)
  })

  it('put an HTML page of 10,033 bytes in one round trip and one of 19,274 in two, on either', () => {
    for (const network of [mobile, desktop]) {
      expect(simulatedRoundTrips(10_033, network)).toBe(1)
      expect(simulatedRoundTrips(19_274, network)).toBe(2)
    }
  })
})

describe('firstPaintPath', () => {
  const document = (endMs: number): SimulatedNode => ({ kind: 'document', endMs })
  const download = (endMs: number): SimulatedNode => ({ kind: 'download', endMs })
  const mainThread = (endMs: number): SimulatedNode => ({ kind: 'main-thread', endMs })

  it('splits a graph into the HTML, the downloads after it and the main thread after those, adding up to its end', () => {
    // The site's home page in one run: the main thread ran on 46 ms past the stylesheet.
    expect(firstPaintPath([[document(783), download(967), mainThread(784), mainThread(829), mainThread(1013)]])).toEqual({ htmlMs: 783, blockingDownloadsMs: 184, mainThreadMs: 46 })
  })

  it('counts no main-thread time that ends before the downloads do, and no download time when there is none', () => {
    expect(firstPaintPath([[document(628), download(805), mainThread(634)]])).toEqual({ htmlMs: 628, blockingDownloadsMs: 177, mainThreadMs: 0 })
    expect(firstPaintPath([[document(600), mainThread(650)]])).toEqual({ htmlMs: 600, blockingDownloadsMs: 0, mainThreadMs: 50 })
  })

  it('takes the mean of the optimistic and the pessimistic graph, as Lighthouse does for FCP', () => {
    const optimistic = [document(900), download(1000)]
    const pessimistic = [document(900), download(1200), mainThread(1300)]
    expect(firstPaintPath([optimistic, pessimistic])).toEqual({ htmlMs: 900, blockingDownloadsMs: 200, mainThreadMs: 50 })
  })

  it('refuses a graph without exactly one document', () => {
    expect(() => firstPaintPath([[download(100)]])).toThrow('0 documents')
    expect(() => firstPaintPath([])).toThrow('no simulated first-paint graph')
  })
})
