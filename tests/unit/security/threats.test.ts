import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { THREATS } from '@/site/lib/threat-model/threats'

// Every test the threat model names must exist: a renamed test would otherwise
// show "not run" for ever. Titles built from template literals match with
// `${…}` as a wildcard.
function titlesIn(file: string): RegExp[] {
  const source = readFileSync(file, 'utf8')
  const literal = [...source.matchAll(/\b(?:test|it)(?:\.skipIf\([^)]*\))?\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2].replace(/\\(.)/g, '$1'))
  const templates = [...source.matchAll(/\b(?:test|it)(?:\.skipIf\([^)]*\))?\(\s*`([^`]*)`/g)].map((m) => m[1])
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return [
    ...literal.map((title) => new RegExp(`^${escape(title)}$`)),
    ...templates.map((title) => new RegExp(`^${title.split(/\$\{[^}]*\}/).map(escape).join('.+')}$`)),
  ]
}

describe('the threat model', () => {
  it('covers all six STRIDE categories and names at least one test per threat', () => {
    expect(new Set(THREATS.map((threat) => threat.stride)).size).toBe(6)
    for (const threat of THREATS) expect(threat.tests.length, threat.id).toBeGreaterThan(0)
  })

  it('names only tests that exist in their files', () => {
    for (const threat of THREATS) {
      for (const ref of threat.tests) {
        expect(existsSync(ref.file), ref.file).toBe(true)
        const name = ref.name.split(' › ').at(-1)!
        expect(titlesIn(ref.file).some((title) => title.test(name)), `${ref.file} › ${ref.name}`).toBe(true)
      }
    }
  })
})
