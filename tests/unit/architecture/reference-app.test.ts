import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { folderCycle, importsOf, ROOT, sourceFiles } from './import-graph'

// The reference app (demos/) is what a reader copies. The site's instruments
// (site/) wrap it from the composition roots: instrumentation.ts, proxy.ts and
// the route files in app/. These checks keep it that way.
const FOLDERS = ['app', 'content', 'demos', 'mocks', 'sandbox', 'scripts', 'site']
const ROOT_FILES = ['instrumentation.ts', 'instrumentation-client.ts', 'proxy.ts', 'mdx-components.tsx', 'theme.config.tsx', 'next.config.mjs', 'server.mjs']
const allEdges = () => [...FOLDERS, ...ROOT_FILES].flatMap(sourceFiles).flatMap(importsOf)

describe('the reference app stands alone', () => {
  it('no file in demos/ imports anything outside demos/ but packages', () => {
    const outside = sourceFiles('demos')
      .flatMap(importsOf)
      .filter(({ to }) => !to.startsWith(`demos${path.sep}`))
      .map(({ from, specifier }) => `${from} imports ${specifier}`)
    expect(outside).toEqual([])
  })

  it('the import graph of folders has no cycle', () => {
    const edges = allEdges()
    // The parser must see the imports it is meant to judge.
    expect(edges.some(({ from, to }) => from === 'proxy.ts' && to === path.join('demos', 'proxy.ts'))).toBe(true)
    expect(folderCycle(edges)).toBeNull()
  })

  it(
    'demos/ type-checks on its own: tsconfig.demos.json compiles only its files and the packages it uses',
    async () => {
      const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc')
      const { stdout } = await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.demos.json', '--noEmit', '--listFiles'], { cwd: ROOT }).catch(
        (failure: { stdout: string }) => {
          throw new Error(`tsc -p tsconfig.demos.json failed:\n${failure.stdout.split('\n').filter((line) => line.includes('error')).join('\n')}`)
        },
      )
      const compiled = stdout.split('\n').filter(Boolean).map((file) => path.relative(ROOT, file))
      const foreign = compiled.filter((file) => !/^(demos\/|node_modules\/|next-env\.d\.ts$|\.next[^/]*\/types\/)/.test(file))
      expect(foreign).toEqual([])
      expect(compiled).toContain(path.join('demos', 'proxy.ts'))
    },
    120_000,
  )
})
