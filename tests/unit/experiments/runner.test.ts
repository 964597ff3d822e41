import { describe, expect, it } from 'vitest'
import { CompileError, compileModule } from '@/sandbox/runner/compile-module'
import { formatArguments } from '@/sandbox/runner/format-value'
import { createModuleRegistry, ModuleEvaluationError, type ModuleFactory } from '@/sandbox/runner/module-registry'
import { moduleId, resolveRelative } from '@/sandbox/runner/resolve-module'

// The runner's pieces that need no browser: what it compiles, how it resolves
// and evaluates modules, and how it prints console arguments.
const evaluate = (code: string) => new Function('require', 'module', 'exports', code) as ModuleFactory

function registry(sources: Record<string, string>, vendor: Record<string, unknown> = {}) {
  const factories = new Map(Object.entries(sources).map(([path, source]) => [path, evaluate(compileModule(path, source).code)]))
  return createModuleRegistry(factories, new Map(Object.entries(vendor)))
}

describe('compileModule', () => {
  it('keeps line numbers, so errors point at the line in the editor', () => {
    const source = "import { useState } from 'react'\ntype N = number\n\nexport default function App(): JSX.Element {\n  const [n] = useState<N>(0)\n  return <p>{n}</p>\n}\n"
    expect(compileModule('/App.tsx', source).code.split('\n')).toHaveLength(source.split('\n').length)
  })

  it('lists every import, the JSX runtime and dynamic imports included; type-only imports vanish', () => {
    const { requires } = compileModule('/App.tsx', "import type { X } from './types'\nimport { a } from './a'\nconst b = import('./b')\nexport default () => <p>{a}</p>\n")
    expect(requires.sort()).toEqual(['./a', './b', 'react/jsx-dev-runtime'])
  })

  it('reports a syntax error with its file, line and column', () => {
    const error = (() => {
      try {
        compileModule('/App.tsx', 'const a = 1\nconst b = (\n')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(CompileError)
    expect(error).toMatchObject({ file: '/App.tsx', line: 3 })
    expect((error as Error).message).not.toContain('Error transforming')
  })
})

describe('the module registry', () => {
  it('resolves extensionless relative imports and evaluates each file once', () => {
    const { load } = registry({
      '/App.tsx': "import { value } from './values'\nimport { twice } from './lib/twice'\nexport default twice(value)\n",
      '/values.ts': "globalThis.__evaluations = (globalThis.__evaluations ?? 0) + 1\nexport const value = 21\n",
      '/lib/twice.ts': "import { value } from '../values'\nexport const twice = (n: number) => n * 2 + value - value\n",
    })
    expect(load('/App.tsx').default).toBe(42)
    expect((globalThis as { __evaluations?: number }).__evaluations).toBe(1)
  })

  it('hands out vendor modules with ES module interop', () => {
    const { load } = registry({ '/App.tsx': "import React, { version } from 'react'\nexport default [React.version, version]\n" }, { react: { __esModule: true, default: { version: '19' }, version: '19' } })
    expect(load('/App.tsx').default).toEqual(['19', '19'])
  })

  it('supports import cycles as CommonJS does', () => {
    const { load } = registry({
      '/a.ts': "import { b } from './b'\nexport const a = 'a'\nexport const both = () => a + b\n",
      '/b.ts': "import { a } from './a'\nexport const b = 'b'\nexport const seenA = () => a\n",
    })
    expect((load('/a.ts').both as () => string)()).toBe('ab')
  })

  it('names the importer when a module is missing, and the file when evaluation throws', () => {
    expect(() => registry({ '/App.tsx': "import './missing'\n" }).load('/App.tsx')).toThrow("Cannot find module './missing' imported by /App.tsx")
    const failing = registry({ '/App.tsx': "import './boom'\n", '/boom.ts': "throw new TypeError('boom')\n" })
    expect(() => failing.load('/App.tsx')).toThrow(ModuleEvaluationError)
    try {
      failing.load('/App.tsx')
    } catch (error) {
      expect(error).toMatchObject({ file: '/boom.ts', message: 'boom' })
    }
  })

  it('never climbs above the sandbox root, and treats case and extension variants as one module', () => {
    expect(resolveRelative('/App.tsx', '../../x', new Set(['/x.ts']))).toBe('/x.ts')
    expect(moduleId('/Fake-API.tsx')).toBe(moduleId('/fake-api.ts'))
  })
})

describe('formatArguments', () => {
  it('prints like DevTools: strings bare, values inspected, printf substitutions applied', () => {
    const circular: Record<string, unknown> = { name: 'loop' }
    circular.self = circular
    expect(formatArguments(['count', 3, { a: [1, 'x'] }, null, undefined])).toBe('count 3 {a: [1, "x"]} null undefined')
    expect(formatArguments(['Each child needs a %s prop.%s', 'key', ' See docs.'])).toBe('Each child needs a key prop. See docs.')
    expect(formatArguments([circular])).toBe('{name: "loop", self: [Circular]}')
    expect(formatArguments([new Map([['k', 1]]), new Set([2])])).toBe('Map(1) {"k" => 1} Set(1) {2}')
  })
})
