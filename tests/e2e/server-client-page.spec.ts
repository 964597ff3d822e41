import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
// @ts-expect-error -- a plain .mjs script without type declarations; its result is checked below
import { measureClientJs } from '../../scripts/measure-client-js.mjs'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

test('the component tree marks each file as its own directive says', async ({ page }) => {
  await page.goto('/server-client')
  const nodes = page.locator('[data-component-file]')
  expect(await nodes.count()).toBeGreaterThan(8)
  for (const node of await nodes.all()) {
    const file = (await node.getAttribute('data-component-file'))!
    const client = /^\s*(\/\/[^\n]*\n\s*)*['"]use client['"]/.test(readFileSync(file, 'utf8'))
    expect(await node.getAttribute('data-kind'), file).toBe(client ? 'client' : 'server')
  }
})

test('the JavaScript figures are the ones the build output gives', async ({ page }) => {
  const measured = measureClientJs(process.env.NEXT_DIST_DIR || '.next') as {
    components: { file: string; ownBytes: number; ownGzipBytes: number; withDependenciesBytes: number; withDependenciesGzipBytes: number }[]
  }
  expect(measured.components.map((c) => c.file)).toContain('demos/components/goals/goals-board.tsx')
  await page.goto('/server-client')
  // The table's code loads when it nears the screen, then fetches the figures: on a busy 2-core machine over 5 s.
  await page.getByRole('heading', { name: 'What each client component ships' }).scrollIntoViewIfNeeded()
  const table = page.getByTestId('client-js-table')
  await expect(table).toBeVisible({ timeout: 20_000 })
  for (const c of measured.components) {
    const row = table.locator(`tr[data-file="${c.file}"]`)
    await expect(row).toContainText(`${kb(c.ownBytes)} / ${kb(c.ownGzipBytes)}`)
    await expect(row).toContainText(`${kb(c.withDependenciesBytes)} / ${kb(c.withDependenciesGzipBytes)}`)
  }
})
