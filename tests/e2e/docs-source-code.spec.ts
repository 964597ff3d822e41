import { readdirSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

// The promise of every docs page: the code shown is the code that runs.
// Each block carries the file it claims to come from; this reads that file
// independently and checks the shown lines stand in it, in order, unchanged.
// Every MDX page in content/, so a new page cannot be left out.
const PAGES = readdirSync('content', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => `/${file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}`)

const PROSE_PAGES = new Set(['/', '/glossary', '/decisions', '/adopt'])

for (const path of PAGES) {
  test(`every code block on ${path} matches its source file`, async ({ page }) => {
    await page.goto(path)
    // One read of every block, not a round trip per attribute: the longest pages have twenty blocks.
    const blocks = await page.locator('[data-source-file]').evaluateAll((elements) =>
      elements.map((block) => {
        const file = block.getAttribute('data-source-file')!
        const title = file.replace(/^demos\//, '')
        const titleElement = [...block.querySelectorAll('*')].find((el) => el.children.length === 0 && el.textContent?.trim() === title)
        return {
          file,
          whole: !['data-source-region', 'data-source-lines', 'data-source-block'].some((name) => block.getAttribute(name)),
          // The text, not innerText: a block away from the screen is not laid out (content-visibility: auto), and innerText reads the layout.
          shown: block.querySelector('pre code')?.textContent ?? '',
          // The title is the path a reader would use in their own project, and it shows.
          titleShows: !!titleElement && titleElement.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && titleElement.getBoundingClientRect().width > 0,
        }
      }),
    )
    // The home page, the glossary, the decisions and the adopt page are prose (and tables); every other page shows code.
    if (!PROSE_PAGES.has(path)) expect(blocks.length).toBeGreaterThan(0)
    for (const { file, whole, shown, titleShows } of blocks) {
      const shownLines = shown.replace(/\n$/, '').split('\n').map((l) => l.trimEnd())
      const source = readFileSync(file, 'utf8')
        .replace(/\n$/, '')
        .split('\n')
        .filter((line) => !/#(end)?region\b/.test(line))
      const at = indexOfRun(source.map((l) => l.trim()), shownLines.map((l) => l.trim()))
      expect(at, `${file}: shown lines are not a run of the file`).toBeGreaterThanOrEqual(0)
      if (whole) expect(shownLines.length, `${file}: whole file shown`).toBe(source.length)
      expect(titleShows, `${file}: the block's title names it`).toBe(true)
    }
  })
}

function indexOfRun(haystack: string[], needle: string[]) {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((line, j) => haystack[i + j] === line)) return i
  }
  return -1
}

// Blocks away from the screen are not laid out until they near it
// (content-visibility in site/components/docs-layout.css); until then each
// takes a height worked out from its line count. That height must be the one
// it takes when drawn, or the page's length and scroll bar change as a reader
// scrolls. A horizontal scroll bar, which some systems draw at 15px, is the allowed difference.
test('a code block not yet drawn takes the height it has when drawn', async ({ page }) => {
  for (const path of ['/api-contract', '/workflows/login']) {
    await page.goto(path)
    const block = page.locator('.bff-source-code').last()
    const skipped = () => block.evaluate((el) => !el.querySelector('code')!.checkVisibility({ contentVisibilityAuto: true }))
    expect(await skipped(), `${path}: the last block is not drawn at first`).toBe(true)
    const reserved = await block.evaluate((el) => el.getBoundingClientRect().height)
    await block.scrollIntoViewIfNeeded()
    await expect.poll(skipped).toBe(false)
    const drawn = await block.evaluate((el) => el.getBoundingClientRect().height)
    expect(Math.abs(drawn - reserved), `${path}: reserved ${reserved}px, drawn ${drawn}px`).toBeLessThanOrEqual(16)
  }
})
