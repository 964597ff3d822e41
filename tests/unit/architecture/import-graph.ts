import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../../..')
const SOURCE = /\.(ts|tsx|mjs)$/
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mjs', '.js', '.css', '/index.ts', '/index.tsx']
// `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`, one module specifier each.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g

export type ImportEdge = { from: string; to: string; specifier: string }

/** Every source file under `folder` (repository-relative), skipping generated and vendored trees. */
export function sourceFiles(folder: string): string[] {
  const absolute = path.join(ROOT, folder)
  if (statSync(absolute).isFile()) return [folder]
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(child)
    return SOURCE.test(entry.name) ? [child] : []
  })
}

/** The repository files a file imports: `@/` and relative specifiers, resolved; packages are left out. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8')
  const edges: ImportEdge[] = []
  for (const [, specifier] of text.matchAll(SPECIFIER)) {
    const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.join(path.dirname(file), specifier) : null
    if (base === null) continue
    const target = resolve(path.normalize(base))
    if (target) edges.push({ from: file, to: target, specifier })
  }
  return edges
}

function resolve(base: string): string | null {
  for (const candidate of [base, ...EXTENSIONS.map((extension) => base + extension)]) {
    const absolute = path.join(ROOT, candidate)
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate
  }
  return null
}

/** A cycle among the folders the edges join, as `a → b → a`, or null when there is none. */
export function folderCycle(edges: ImportEdge[]): string | null {
  const graph = new Map<string, Set<string>>()
  for (const { from, to } of edges) {
    const [a, b] = [path.dirname(from), path.dirname(to)]
    if (a === b) continue
    if (!graph.has(a)) graph.set(a, new Set())
    graph.get(a)!.add(b)
  }
  const state = new Map<string, 'open' | 'done'>()
  const trail: string[] = []
  function visit(folder: string): string | null {
    if (state.get(folder) === 'done') return null
    if (state.get(folder) === 'open') return [...trail.slice(trail.indexOf(folder)), folder].join(' → ')
    state.set(folder, 'open')
    trail.push(folder)
    for (const next of graph.get(folder) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    trail.pop()
    state.set(folder, 'done')
    return null
  }
  for (const folder of graph.keys()) {
    const cycle = visit(folder)
    if (cycle) return cycle
  }
  return null
}
