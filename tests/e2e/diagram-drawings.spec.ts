import { expect, test } from '@playwright/test'
import { diagramKey } from '@/site/lib/diagrams/diagram-key'
import { staleDrawings } from '@/site/lib/diagrams/diagram-files'
import { drawDiagrams } from '@/site/lib/diagrams/draw-diagrams'
import { mermaidBlocks } from '@/site/lib/diagrams/mermaid-labels'

// The docs' diagrams are drawn ahead of time into public/diagrams/ and shown as
// images (site/components/mermaid-diagram.tsx). These draw them again with this
// machine's browser and mermaid, and look at each page that shows one.
const blocks = mermaidBlocks()
const route = (page: string) => page.replace(/^content/, '').replace(/(\/index)?\.mdx$/, '') || '/'

test('every committed drawing is what mermaid draws from the diagram’s source today', async ({ page }) => {
  const stale = staleDrawings(await drawDiagrams(page, blocks.map((block) => block.source))).map(({ key }) => key)
  expect(stale, '`npm run diagrams` draws these again').toEqual([])
})

for (const page of [...new Set(blocks.map((block) => block.page))]) {
  test(`${route(page)}: each diagram shows in the reader's colour scheme, in a box that does not move`, async ({ page: tab }) => {
    await tab.addInitScript(() => {
      const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = [])
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value)
      }).observe({ type: 'layout-shift', buffered: true })
    })
    // One visit: the reader's system scheme switches under the page, and the theme follows it.
    await tab.emulateMedia({ colorScheme: 'light' })
    await tab.goto(route(page))
    for (const scheme of ['light', 'dark'] as const) {
      await tab.emulateMedia({ colorScheme: scheme })
      await expect(tab.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`))
      for (const block of blocks.filter((b) => b.page === page)) {
        const figure = tab.locator(`[data-diagram-key="${diagramKey(block.source)}"]`)
        await figure.scrollIntoViewIfNeeded()
        const shown = figure.locator(`img.bff-mermaid-${scheme}`)
        await expect(shown).toBeVisible()
        await expect(figure.locator('img:visible')).toHaveCount(1)
        await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), `${scheme} drawing loaded`).toBeGreaterThan(0)
        // The box the page gave the image before it loaded is the drawing's own shape.
        const [box, natural] = await shown.evaluate((img: HTMLImageElement) => [img.getBoundingClientRect().height / img.getBoundingClientRect().width, img.naturalHeight / img.naturalWidth])
        expect(Math.abs(box - natural)).toBeLessThan(0.01)
      }
    }
    const shifted = await tab.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0))
    expect(shifted, 'layout shift while the diagrams loaded, in either scheme').toBeLessThanOrEqual(0.02)
  })
}
