import { describe, expect, it } from 'vitest'
import { budgetRows } from '@/bench/bundle-budgets'

const SIZES: Record<string, number> = { 'root.js': 200_000, 'layout.js': 40_000, 'docs.js': 2_000, 'goals.js': 30_000, 'query.js': 12_000 }
const route = (name: string, files: string[], lazy?: number) => ({
  route: name,
  files: files.map((file) => ({ file, gzipBytes: SIZES[file] })),
  chunks: files.length,
  bytes: 0,
  gzipBytes: files.reduce((sum, file) => sum + SIZES[file], 0),
  ...(lazy === undefined ? {} : { lazy: { gzipBytes: lazy } }),
})
const BARE = 236_000

describe('budgetRows', () => {
  const rows = budgetRows(
    [route('/about', ['root.js', 'layout.js', 'docs.js'], 0), route('/workflows/login', ['root.js', 'layout.js', 'docs.js'], 90_000), route('/demo/goals', ['root.js', 'layout.js', 'goals.js', 'query.js'])],
    BARE,
  )

  it('holds a docs page to its whole first load over the bare page', () => {
    expect(rows[0]).toMatchObject({ kind: 'docs', gzipBytes: 242_000, ownGzipBytes: 0, overBareGzipBytes: 6_000 })
  })

  it('leaves the code a docs page loads near the screen out of its first load, and reports it', () => {
    expect(rows[1]).toMatchObject({ overBareGzipBytes: 6_000, nearScreenGzipBytes: 90_000 })
  })

  it("counts a demo page's chunks that no docs page loads as its own, and holds the rest to the limit", () => {
    expect(rows[2]).toMatchObject({ kind: 'demo', gzipBytes: 282_000, ownGzipBytes: 42_000, overBareGzipBytes: 4_000, nearScreenGzipBytes: null })
  })
})
