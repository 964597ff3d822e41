import { mkdirSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readerPath, readSource } from '@/content/_components/read-source'

// Authoring mistakes must fail the build loudly, never show the reader wrong code.
const dir = 'node_modules/.cache/read-source-test'
mkdirSync(dir, { recursive: true })
const file = `${dir}/sample.ts`
writeFileSync(
  file,
  ['const a = 1', '// #region middle', '  const b = 2', '  const c = 3', '// #endregion middle', 'const d = 4', '// #region twice', '// #endregion', '// #region twice', '// #endregion', ''].join('\n'),
)

describe('readSource', () => {
  it('reads a whole file without region markers', () => {
    expect(readSource({ file }).code).toBe('const a = 1\n  const b = 2\n  const c = 3\nconst d = 4')
  })
  it('reads a named region, dedented', () => {
    expect(readSource({ file, region: 'middle' }).code).toBe('const b = 2\nconst c = 3')
  })
  it('reads a line range counted in the raw file', () => {
    expect(readSource({ file, lines: '1-1' }).code).toBe('const a = 1')
  })
  it('reads a block from its opening line to the line that closes it', () => {
    const blockFile = `${dir}/block.ts`
    writeFileSync(blockFile, ['type A = {', '  Goal: {', '    id: string', '    nested: {', '    }', '  }', '  Other: {}', '}'].join('\n'))
    expect(readSource({ file: blockFile, block: 'Goal: {' }).code).toBe('Goal: {\n  id: string\n  nested: {\n  }\n}')
    expect(() => readSource({ file: blockFile, block: 'Missing: {' })).toThrow(/found 0 times/)
  })
  it('fails when given two selections', () => {
    expect(() => readSource({ file, region: 'middle', lines: '1-2' })).toThrow(/one of region, lines or block/)
  })
  it('fails on a missing file', () => {
    expect(() => readSource({ file: `${dir}/missing.ts` })).toThrow(/no such file/)
  })
  it('fails on an unknown region', () => {
    expect(() => readSource({ file, region: 'nope' })).toThrow(/no region "nope"/)
  })
  it('fails on a region defined twice', () => {
    expect(() => readSource({ file, region: 'twice' })).toThrow(/defined twice/)
  })
  it.each(['0-2', '3-2', '1-99', 'a-b', '5'])('fails on the bad range %s', (lines) => {
    expect(() => readSource({ file, lines })).toThrow(/lines=/)
  })
  it('refuses paths outside the repository', () => {
    expect(() => readSource({ file: '../etc/passwd' })).toThrow(/leaves the repository/)
  })
  it('titles demo files with the path a reader would use', () => {
    expect(readerPath('demos/lib/dal.ts')).toBe('lib/dal.ts')
    expect(readerPath('app/api/auth/login/route.ts')).toBe('app/api/auth/login/route.ts')
    // The reference session check is the reader's own proxy.ts; the site's instruments keep their folder.
    expect(readerPath('demos/proxy.ts')).toBe('proxy.ts')
    expect(readerPath('site/lib/trace/trace-route.ts')).toBe('site/lib/trace/trace-route.ts')
  })
})
