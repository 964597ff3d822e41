import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import packageJson from '@/package.json'
import { Experiment } from '@/content/_components/experiment/experiment'
import { listWorkflows, readExperiment } from '@/content/_components/experiment/read-experiment'
import { VENDOR_PACKAGES } from '@/sandbox/runner/vendor-modules'

// Authoring mistakes must fail the build loudly; the docs prerender every page,
// and each <Experiment> reads its folder through readExperiment.
const FIXTURES = path.resolve('node_modules/.cache/experiment-fixtures')
const APP = "import { helper } from './helper'\nexport default function App() { return <p>{helper}</p> }\n"
let fixtureCount = 0

function fixture(files: Record<string, string>) {
  const root = path.join(FIXTURES, String(fixtureCount++))
  rmSync(root, { recursive: true, force: true })
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), code)
  }
  return root
}

const experiment = (files: Record<string, string>) => fixture(Object.fromEntries(Object.entries(files).map(([name, code]) => [`demos/experiments/demo/${name}`, code])))

describe('readExperiment', () => {
  it('reads a folder as sandbox files, App.tsx first and shared plumbing last', () => {
    const root = fixture({
      'demos/experiments/demo/App.tsx': APP,
      'demos/experiments/demo/helper.ts': "export * from '../../lib/helper'\n",
      'demos/experiments/demo/net.ts': "// Stand-in.\nexport * from '../_shared/net'\n",
      'demos/experiments/demo/b-file.ts': 'export const b = 1\n',
      'demos/experiments/_shared/net.ts': 'export const net = 1\n',
      'demos/lib/helper.ts': "export const helper = 'from the app'\n",
    })
    const { entry, files } = readExperiment('demo', { root })
    expect(entry).toBe('/App.tsx')
    expect(files.map((file) => [file.path, file.source])).toEqual([
      ['/App.tsx', 'demos/experiments/demo/App.tsx'],
      ['/b-file.ts', 'demos/experiments/demo/b-file.ts'],
      ['/helper.ts', 'demos/lib/helper.ts'],
      ['/net.ts', 'demos/experiments/_shared/net.ts'],
    ])
    // A stand-in becomes the source it re-exports.
    expect(files.find((file) => file.path === '/helper.ts')?.code).toBe("export const helper = 'from the app'\n")
  })

  it.each([
    ['an unknown workflow', () => readExperiment('nope', { root: experiment({ 'App.tsx': 'export default () => null\n' }) }), /workflow="nope">: unknown workflow; demos\/experiments\/ has demo/],
    ['a missing App.tsx', () => readExperiment('demo', { root: experiment({ 'helper.ts': 'export const helper = 1\n' }) }), /no App\.tsx/],
    ['a duplicate sandbox file', () => readExperiment('demo', { root: experiment({ 'App.tsx': APP, 'helper.ts': 'export const helper = 1\n', 'helper.tsx': 'export const helper = 2\n' }) }), /duplicate sandbox file: helper\.ts and helper\.tsx/],
    ['an import of a missing file', () => readExperiment('demo', { root: experiment({ 'App.tsx': APP }) }), /App\.tsx imports '\.\/helper', which the sandbox cannot resolve/],
    ['a package the sandbox does not provide', () => readExperiment('demo', { root: experiment({ 'App.tsx': "import _ from 'lodash'\nexport default () => _\n" }) }), /imports 'lodash'.*react, react\/jsx-runtime/],
    ['a file that does not compile', () => readExperiment('demo', { root: experiment({ 'App.tsx': 'export default function App() {\n  return <p>\n}\n' }) }), /App\.tsx:\d+:\d+ does not compile/],
    ['a stand-in for a missing module', () => readExperiment('demo', { root: experiment({ 'App.tsx': APP, 'helper.ts': "export * from '../../lib/nope'\n" }) }), /helper\.ts re-exports '\.\.\/\.\.\/lib\/nope', which does not exist/],
    ['a file the sandbox cannot run', () => readExperiment('demo', { root: experiment({ 'App.tsx': 'export default () => null\n', 'styles.css': 'p {}\n' }) }), /styles\.css: only \.ts and \.tsx files/],
    ['a subfolder', () => readExperiment('demo', { root: experiment({ 'App.tsx': 'export default () => null\n', 'parts/x.ts': 'export {}\n' }) }), /parts\/: an experiment is one flat folder/],
  ])('fails on %s', (_name, read, message) => {
    expect(read).toThrow(message)
  })
})

describe('<Experiment>', () => {
  // Docs pages are prerendered, so a rejection here fails `next build`.
  it('rejects an unknown workflow, which fails the page that names it', async () => {
    await expect(Experiment({ workflow: 'token-refresh-typo' })).rejects.toThrow(/<Experiment workflow="token-refresh-typo">: unknown workflow/)
  })

  it('hands the loader every file, highlighted, and names the shared ones', async () => {
    // The token classes' styles, then the loader.
    const [, loader] = (await Experiment({ workflow: 'login' })).props.children as ReactElement[]
    const props = loader.props as { files: { path: string; source?: string }[]; highlighted: Record<string, unknown> }
    expect(Object.keys(props.highlighted)).toEqual(props.files.map((file) => file.path))
    expect(props.files.filter((file) => file.source)).toEqual([
      expect.objectContaining({ path: '/demo-account.ts', source: 'lib/auth/demo-account.ts' }),
      expect.objectContaining({ path: '/login-schema.ts', source: 'lib/auth/login-schema.ts' }),
    ])
    // shiki's first highlight loads its grammars and themes: seconds on a busy 2-core machine.
  }, 30_000)
})

describe('the experiments in this repository', () => {
  const workflows = listWorkflows()

  it.each(workflows)('%s reads, compiles and resolves every import', (workflow) => {
    expect(readExperiment(workflow).files.length).toBeGreaterThan(1)
  })

  it("shows the site's own login schema, not a copy", () => {
    const schema = readExperiment('login').files.find((file) => file.path === '/login-schema.ts')
    expect(schema?.source).toBe('demos/lib/auth/login-schema.ts')
    expect(schema?.code).toBe(readFileSync('demos/lib/auth/login-schema.ts', 'utf8'))
  })

  it('each experiment is on exactly one docs page, and each page names an existing experiment', () => {
    const used = mdxFiles('content').flatMap((file) => Array.from(readFileSync(file, 'utf8').matchAll(/<Experiment workflow="([^"]+)"/g), (match) => match[1]))
    expect([...used].sort()).toEqual(workflows)
  })

  it('bundles the package versions the site declares', () => {
    expect(VENDOR_PACKAGES).toEqual(['react', 'react-dom', '@tanstack/react-query', 'zod', 'openapi-fetch', 'openapi-react-query'])
    for (const name of VENDOR_PACKAGES) {
      const installed = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version
      expect(installed, name).toBe((packageJson.dependencies as Record<string, string>)[name])
    }
  })
})

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? mdxFiles(file) : file.endsWith('.mdx') ? [file] : []
  })
}
