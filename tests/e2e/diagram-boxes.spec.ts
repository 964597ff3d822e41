import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { diagramKey, type DiagramBox } from '@/site/lib/diagrams/diagram-box'
import { mermaidBlocks } from '@/site/lib/diagrams/mermaid-labels'

// Each docs diagram's box is reserved before mermaid draws it, from
// site/lib/diagrams/diagram-boxes.json, so the page does not move when the
// drawing arrives. This measures every drawing in the browser and holds the
// file to it. After changing a diagram: UPDATE_DIAGRAM_BOXES=1 npx playwright test diagram-boxes
const BOXES_FILE = 'site/lib/diagrams/diagram-boxes.json'
const pages = [...new Set(mermaidBlocks().map((block) => block.page))]
const route = (page: string) => page.replace(/^content/, '').replace(/(\/index)?\.mdx$/, '') || '/'
const measured: Record<string, DiagramBox> = {}

test.describe.configure({ mode: 'serial' })

for (const page of pages) {
  test(`${route(page)}: each diagram is drawn in the box reserved for it, and nothing below it moves`, async ({ page: tab }) => {
    await tab.addInitScript(() => {
      const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = [])
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value)
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await tab.goto(route(page))
    const keys = mermaidBlocks().filter((block) => block.page === page).map((block) => diagramKey(block.source))
    for (const key of keys) {
      const diagram = tab.locator(`[data-diagram-key="${key}"]`)
      await diagram.scrollIntoViewIfNeeded()
      const svg = diagram.locator('svg').first()
      await expect(svg).toBeVisible({ timeout: 20_000 })
      const [, , width, height] = ((await svg.getAttribute('viewBox')) ?? '').split(/\s+/).map(Number)
      measured[key] = { width: Math.round(width * 10) / 10, height: Math.round(height * 10) / 10 }
      const drawn = await svg.boundingBox()
      const reserved = await diagram.boundingBox()
      expect(Math.abs(drawn!.height - reserved!.height), `${key}: the drawing's height against its box`).toBeLessThan(1)
    }
    if (process.env.UPDATE_DIAGRAM_BOXES) return
    const committed = JSON.parse(readFileSync(BOXES_FILE, 'utf8')) as Record<string, DiagramBox>
    for (const key of keys) expect(committed[key], `${key} in ${BOXES_FILE} (UPDATE_DIAGRAM_BOXES=1 to measure again)`).toEqual(measured[key])
    const shifted = await tab.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0))
    expect(shifted, 'layout shift while the diagrams were drawn').toBeLessThanOrEqual(0.02)
  })
}

test.afterAll(() => {
  if (!process.env.UPDATE_DIAGRAM_BOXES) return
  const boxes = Object.fromEntries(Object.entries(measured).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(BOXES_FILE, `${JSON.stringify(boxes, null, 2)}\n`)
})
