import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { Drawing } from './diagram-files'
import { diagramKey } from './diagram-key'

/** The docs' sans-serif stack (Nextra's --x-font-sans), which mermaid measures its labels in. */
export const DIAGRAM_FONT = 'ui-sans-serif, system-ui, sans-serif'

/**
 * Draws each chart with mermaid in a browser page, once in mermaid's default
 * theme and once in its dark one. Each drawing is serialized as XML, so that it
 * stands alone as an image file: mermaid's own output is HTML, with labels such
 * as `<br>` that an SVG file may not hold.
 */
export async function drawDiagrams(page: Page, charts: string[]): Promise<Drawing[]> {
  const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js')
  await page.setContent(`<!doctype html><html><body style="font-family: ${DIAGRAM_FONT}"></body></html>`)
  await page.addScriptTag({ path: mermaidScript })
  const jobs = [...new Set(charts.map((chart) => chart.trim()))].map((chart) => ({ key: diagramKey(chart), chart }))
  return page.evaluate(
    async ({ jobs, font }) => {
      type Mermaid = { initialize(config: object): void; render(id: string, chart: string): Promise<{ svg: string }> }
      const { mermaid } = window as unknown as { mermaid: Mermaid }
      const drawings: Drawing[] = []
      // No named functions in here: the test runner's transform would wrap them in a helper the page lacks.
      for (const { key, chart } of jobs) {
        const drawing = { key } as Drawing
        for (const [scheme, theme] of [['light', 'default'], ['dark', 'dark']] as const) {
          mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', fontFamily: font, theme })
          const host = document.createElement('div')
          host.innerHTML = (await mermaid.render(`mermaid-${key}-${scheme}`, chart)).svg
          document.body.append(host)
          const svg = host.querySelector('svg')!
          // An image's own size: mermaid sizes its drawing to the page it is in (width 100%, a max-width).
          const [, , width, height] = svg.getAttribute('viewBox')!.split(/\s+/).map(Number)
          svg.setAttribute('width', String(Math.ceil(width)))
          svg.setAttribute('height', String(Math.ceil(height)))
          svg.removeAttribute('style')
          drawing[scheme] = `${new XMLSerializer().serializeToString(svg)}\n`
          host.remove()
        }
        drawings.push(drawing)
      }
      return drawings
    },
    { jobs, font: DIAGRAM_FONT },
  )
}
