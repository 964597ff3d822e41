import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ADOPT_STEPS, NOT_TO_COPY, notToCopyReason } from '@/site/lib/adopt/adopt-files'
import { adoptEnvironment, adoptPackages } from '@/site/lib/adopt/adopt-requirements'
import { importsOf } from '../architecture/import-graph'

// The "Adopt it in your project" page lists what a reader copies. A listed file
// that is gone, or one that imports a module the list neither includes nor
// explains, would leave the reader with a project that does not compile.
const listed = ADOPT_STEPS.flatMap((step) => step.files.map((file) => file.path))
const listedSet = new Set(listed)

/** Every repository module the listed files import, followed to the end. */
function uncovered(): string[] {
  const seen = new Set<string>()
  const missing: string[] = []
  const queue = [...listed]
  while (queue.length) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const { to, from, specifier } of importsOf(file)) {
      if (listedSet.has(to)) queue.push(to)
      else if (!notToCopyReason(to)) missing.push(`${from} imports ${specifier} (${to}), which is neither listed nor marked not to copy`)
    }
  }
  return missing
}

describe('the adopt page’s file list', () => {
  it('lists only files that exist, each once, none of them also marked not to copy', () => {
    for (const path of listed) expect(existsSync(path), path).toBe(true)
    expect(listed.length).toBe(listedSet.size)
    for (const path of listed) expect(notToCopyReason(path), `${path} is both listed and not to copy`).toBeUndefined()
    for (const { path } of NOT_TO_COPY) expect(existsSync(path), path).toBe(true)
  })

  it('covers every module the listed files import, transitively', () => {
    expect(uncovered()).toEqual([])
  })

  it('is rendered step by step on the page, every step once', () => {
    const page = readFileSync('content/adopt.mdx', 'utf8')
    const shown = [...page.matchAll(/<AdoptFiles step="([^"]+)"/g)].map((m) => m[1])
    expect(shown.sort()).toEqual(ADOPT_STEPS.map((step) => step.id).sort())
  })

  it('names the packages and environment variables those files need', () => {
    const packages = adoptPackages().map((p) => p.name)
    expect(packages).toEqual(expect.arrayContaining(['@tanstack/react-query', 'openapi-fetch', 'server-only', 'zod']))
    expect(packages).not.toContain('next')
    const variables = adoptEnvironment()
    expect(variables.map((v) => v.name)).toEqual(expect.arrayContaining(['DOTNET_API_URL', 'TRUSTED_PROXY_HOPS', 'AUTH_COOKIE_SECURE']))
    for (const variable of variables) expect(variable.description, variable.name).not.toBe('')
  })

  it('would catch an import the list leaves out', () => {
    // The walk above must be able to fail: login-form.tsx imports the demo account.
    expect(importsOf('demos/components/login-form.tsx').map((edge) => edge.to)).toContain('demos/lib/auth/demo-account.ts')
    expect(notToCopyReason('demos/lib/auth/demo-account.ts')).toBeTruthy()
    expect(notToCopyReason('demos/lib/dal.ts')).toBeUndefined()
  })
})
