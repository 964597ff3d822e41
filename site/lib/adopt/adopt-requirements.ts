import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADOPT_STEPS } from './adopt-files'

// `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g
// A Next.js app has these already.
const IN_EVERY_NEXT_APP = new Set(['next', 'react', 'react-dom'])

export type Requirement = { name: string; version: string }
export type EnvVariable = { name: string; example: string; description: string }

// Read when the page is built (it is prerendered), never at request time.
const read = (root: string, file: string) => readFileSync(join(/*turbopackIgnore: true*/ root, file), 'utf8')
const listedFiles = () => ADOPT_STEPS.flatMap((step) => step.files.map((file) => file.path))

/**
 * The npm packages the listed files import, at the versions this site runs.
 * Derived from the files themselves, so the install line cannot fall behind
 * them; a package the site does not declare fails the build.
 */
export function adoptPackages(root = process.cwd()): Requirement[] {
  const manifest = JSON.parse(read(root, 'package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
  const declared = { ...manifest.devDependencies, ...manifest.dependencies }
  const names = new Set<string>()
  for (const file of listedFiles()) {
    for (const [, specifier] of read(root, file).matchAll(SPECIFIER)) {
      if (/^(\.|@\/|node:)/.test(specifier)) continue
      const parts = specifier.split('/')
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
    }
  }
  return [...names]
    .filter((name) => !IN_EVERY_NEXT_APP.has(name))
    .sort()
    .map((name) => {
      if (!declared[name]) throw new Error(`site/lib/adopt: a listed file imports ${name}, which package.json does not declare`)
      return { name, version: declared[name] }
    })
}

/**
 * The environment variables the listed files read, each with its example and
 * the comment above it in `.env.example`. A variable missing there fails the
 * build (tests/unit/docs/env-example.test.ts already requires it).
 */
export function adoptEnvironment(root = process.cwd()): EnvVariable[] {
  const names = new Set(listedFiles().flatMap((file) => [...read(root, file).matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1])))
  for (const builtIn of ['NODE_ENV', 'PORT', 'NEXT_RUNTIME']) names.delete(builtIn)
  const lines = read(root, '.env.example').split('\n')
  return [...names].map((name) => {
    const at = lines.findIndex((line) => line.startsWith(`# ${name}=`))
    if (at === -1) throw new Error(`site/lib/adopt: ${name} is read by a listed file but not in .env.example`)
    return { name, example: lines[at].slice(2), description: commentAbove(lines, at) }
  })
}

/** The comment lines above a variable, skipping the other variables of its group. */
function commentAbove(lines: string[], at: number): string {
  const comment: string[] = []
  let i = at - 1
  while (i >= 0 && /^# [A-Z][A-Z0-9_]+=/.test(lines[i])) i--
  for (; i >= 0 && lines[i].startsWith('# ') && !/^# [A-Z][A-Z0-9_]+=|^# ---/.test(lines[i]); i--) comment.unshift(lines[i].slice(2))
  return comment.join(' ')
}
