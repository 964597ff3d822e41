import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openApiDocument } from '@/mocks/openapi-document'
import { renderApiTypes } from '@/mocks/render-api-types'

// The drift check, shown failing. The API renames Goal.title to Goal.name; the
// client types are regenerated from that contract; the type check must then
// fail in the app's own code, where the zod schema `satisfies` the generated
// type. The "Type safety" page shows the compiler's words from a committed
// file; this test compares them in memory and fails when they change
// (`npx vitest run -u tests/unit/type-safety` rewrites the file).
const workDir = 'node_modules/.cache/contract-drift'
// Outside content/: Nextra would try to compile any file there as a page module.
const captured = './captured-tsc-output.txt'
const consumers = ['demos/lib/goals/goal-schemas.ts', 'demos/lib/goals/fetch-goal-page.ts', 'demos/lib/goals/goals-api.ts']

async function check(document: object) {
  const dir = path.join(workDir, `run-${Math.random().toString(36).slice(2)}`)
  mkdirSync(dir, { recursive: true })
  const root = path.relative(dir, '.')
  writeFileSync(path.join(dir, 'dotnet-api.d.ts'), await renderApiTypes(structuredClone(document) as never))
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: `${root}/tsconfig.json`,
      compilerOptions: {
        incremental: false,
        plugins: [],
        // The regenerated types stand in for the committed ones; everything else is the app as it is.
        paths: { '@/demos/lib/api/dotnet-api': ['./dotnet-api.d.ts'], '@/*': [`${root}/*`] },
      },
      include: [],
      files: consumers.map((file) => `${root}/${file}`),
    }),
  )
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', path.join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' })
    return { ok: true, output: '' }
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? '') }
  }
}

describe('the contract drift check', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }))

  it('passes with the contract as it is', async () => {
    const result = await check(openApiDocument)
    expect(result.output).toBe('')
    expect(result.ok).toBe(true)
  }, 60_000)

  // #region drift-demo
  it('fails in the app code when the API renames Goal.title, and names the field', async () => {
    const changed = structuredClone(openApiDocument)
    const goal = changed.components.schemas!.Goal as { properties: Record<string, unknown>; required: string[] }
    goal.properties = Object.fromEntries(Object.entries(goal.properties).map(([key, value]) => [key === 'title' ? 'name' : key, value]))
    goal.required = goal.required.map((key) => (key === 'title' ? 'name' : key))

    const result = await check(changed)
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/^demos\/lib\/goals\/goal-schemas\.ts\(\d+,\d+\): error TS1360: Type .* does not satisfy the expected type/m)
    expect(result.output).toContain("Property 'name' is missing")
    // #endregion drift-demo
    await expect(`# tsc, after regenerating the client types from a contract where Goal.title became Goal.name\n${result.output.trim()}\n`).toMatchFileSnapshot(captured)
  }, 60_000)
})
