// Draws every ```mermaid block in content/ as two SVG files in public/diagrams/
// (light and dark), which the docs show as images: the page loads no mermaid,
// and runs no script to show a diagram. Run after changing a diagram:
//   npm run diagrams            draw them all again, and remove drawings no page uses
//   npm run diagrams -- --check fail, listing them, when a committed drawing is stale
// tests/e2e/diagram-drawings.spec.ts makes the same check in the browser suite.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { committedFiles, DIAGRAM_SCHEMES, diagramFile, DIAGRAMS_DIR, staleDrawings } from '../../site/lib/diagrams/diagram-files'
import { drawDiagrams } from '../../site/lib/diagrams/draw-diagrams'
import { mermaidBlocks } from '../../site/lib/diagrams/mermaid-labels'
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/find-chromium'

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
try {
  const drawings = await drawDiagrams(await browser.newPage(), mermaidBlocks().map((block) => block.source))
  const wanted = drawings.flatMap(({ key }) => DIAGRAM_SCHEMES.map((scheme) => diagramFile(key, scheme)))
  const stale = staleDrawings(drawings)
  const unused = committedFiles().filter((name) => !wanted.includes(name))
  if (values.check) {
    if (stale.length || unused.length) {
      for (const { key } of stale) console.error(`stale or missing: ${DIAGRAMS_DIR}/${diagramFile(key, 'light')} and its dark twin`)
      for (const name of unused) console.error(`no diagram uses ${DIAGRAMS_DIR}/${name}`)
      console.error('`npm run diagrams` draws them again.')
      process.exitCode = 1
    } else console.log(`All ${drawings.length} diagrams' drawings are current.`)
  } else {
    mkdirSync(DIAGRAMS_DIR, { recursive: true })
    for (const drawing of stale) for (const scheme of DIAGRAM_SCHEMES) writeFileSync(path.join(DIAGRAMS_DIR, diagramFile(drawing.key, scheme)), drawing[scheme])
    for (const name of unused) rmSync(path.join(DIAGRAMS_DIR, name))
    console.log(`Drew ${drawings.length} diagrams: ${stale.length} new or changed, ${unused.length} unused files removed.`)
  }
} finally {
  await browser.close()
}
