import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { declaresTest } from './test-titles'

// The decisions page names, for each departure from the guide, the tests that
// hold it. A renamed or deleted test would leave the page citing nothing, and
// the row would say "not run" for ever: this reads the page as written.
const page = readFileSync('content/decisions.mdx', 'utf8')
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`))?.slice(1).find((v) => v !== undefined)
const citations = (text: string) =>
  [...text.matchAll(/<HeldBy\b[^>]*\/>/g)].map(([tag]) => ({ tag, file: attribute(tag, 'file'), test: attribute(tag, 'test') }))

function departureRows() {
  const section = page.split(/^## /m).find((part) => part.startsWith('The departures'))
  if (!section) throw new Error('content/decisions.mdx has no "## The departures" section')
  // Table body rows: skip the header and the |---| line.
  return section.split('\n').filter((line) => line.startsWith('| ')).slice(2)
}

describe('the decisions page', () => {
  it('cites at least one test on every departure', () => {
    const rows = departureRows()
    expect(rows.length).toBeGreaterThanOrEqual(9)
    for (const row of rows) expect(citations(row).length, row.slice(0, 80)).toBeGreaterThan(0)
  })

  it('cites only tests that exist, by file and title', () => {
    const cited = citations(page)
    expect(cited.length).toBeGreaterThan(0)
    for (const { tag, file, test } of cited) {
      expect(file && test, `${tag}: needs file="…" and test="…"`).toBeTruthy()
      expect(existsSync(file!), `${file} does not exist`).toBe(true)
      expect(declaresTest(file!, test!), `${file} has no test called "${test}"`).toBe(true)
    }
  })

  it('fails on a citation that names no real test', () => {
    // The check above must be able to fail: a title one word off is not found.
    expect(declaresTest('tests/unit/bff/should-retry.test.ts', 'decides from the status, not the message text')).toBe(true)
    expect(declaresTest('tests/unit/bff/should-retry.test.ts', 'decides from the message text')).toBe(false)
    expect(declaresTest('tests/e2e/token-lifecycle.spec.ts', 'a protected page whose access token is expired renders with its data after exactly one refresh')).toBe(true)
  })
})
