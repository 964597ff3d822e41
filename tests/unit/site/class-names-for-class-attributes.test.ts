import { readFileSync } from 'node:fs'
import postcss from 'postcss'
import { describe, expect, it } from 'vitest'
import config, { CLASS_ATTRIBUTE_SELECTORS } from '@/postcss.config.mjs'
import classNamesForClassAttributes, { CLASS_ATTRIBUTE_SELECTOR } from '@/site/postcss/class-names-for-class-attributes.mjs'

const selectorsOf = (css: string) => {
  const selectors: string[] = []
  postcss.parse(css).walkRules((rule) => void selectors.push(rule.selector))
  return selectors
}

describe('class names for class attributes (postcss.config.mjs)', () => {
  const themeCss = readFileSync('node_modules/nextra-theme-docs/dist/style.css', 'utf8')

  it("finds each selector it rewrites in the docs theme's own stylesheet", () => {
    // If a theme upgrade drops one, its entry in the config can go.
    for (const from of Object.keys(CLASS_ATTRIBUTE_SELECTORS)) expect(themeCss).toContain(from)
  })

  it('leaves no selector on the class attribute in it, through the config Next.js runs', async () => {
    const { css } = await postcss(config.plugins.map(([plugin, options]) => plugin(options))).process(themeCss, { from: undefined })
    expect(selectorsOf(css).filter((selector) => CLASS_ATTRIBUTE_SELECTOR.test(selector))).toEqual([])
  })

  it('writes each as the class it stands for, and leaves escaped class names alone', async () => {
    const css = [
      "pre code.nextra-code:not([class*='twoslash-']) > span { color: red }",
      '.nextra-banner:not([class$=hidden]) ~ & { top: 0 }',
      '.x\\:\\[\\.nextra-banner\\:not\\(\\[class\\$\\=hidden\\]\\)\\~\\&\\]\\:pt-4 { padding: 0 }',
    ].join('\n')
    const { css: out } = await postcss([classNamesForClassAttributes({ replacements: CLASS_ATTRIBUTE_SELECTORS })]).process(css, { from: undefined })
    expect(selectorsOf(out)).toEqual([
      'pre code.nextra-code:not(.twoslash) > span',
      '.nextra-banner:not(.x\\:hidden) ~ &',
      '.x\\:\\[\\.nextra-banner\\:not\\(\\[class\\$\\=hidden\\]\\)\\~\\&\\]\\:pt-4',
    ])
  })
})
