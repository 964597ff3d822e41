import type { Element, Root } from 'hast'
import { codeToHast } from 'shiki'
import { describe, expect, it } from 'vitest'
import { CODE_THEMES } from '@/content/_components/code-themes'
import { tokenClasses } from '@/content/_components/token-classes'

const CODE = "import { z } from 'zod'\n\nexport const schema = z.object({ email: z.string() })\n"

const highlight = (transformers = [] as ReturnType<typeof tokenClasses>['transformer'][]) =>
  codeToHast(CODE, { lang: 'ts', themes: CODE_THEMES, defaultColor: false, transformers })

function tokens(root: Root | Element): Element[] {
  return root.children.flatMap((node): Element[] => {
    if (node.type !== 'element') return []
    const isToken = node.tagName === 'span' && !String(node.properties.class ?? '').split(' ').includes('line')
    return isToken ? [node] : tokens(node)
  })
}

describe('tokenClasses', () => {
  it('gives each token the colours shiki gave it inline, through a class or the block’s own text colour', async () => {
    const plain = tokens(await highlight())
    const { transformer, rules } = tokenClasses()
    const classed = tokens(await highlight([transformer]))
    expect(classed).toHaveLength(plain.length)
    const pre = (await highlight()).children[0] as Element
    const foreground = String(pre.properties.style).split(';').filter((d) => /^--shiki-(light|dark):/.test(d)).join(';').toLowerCase()
    classed.forEach((token, i) => {
      const style = String(plain[i].properties.style)
      expect(token.properties.style).toBeUndefined()
      const names = String(token.properties.class ?? '').split(' ').filter(Boolean)
      if (style.toLowerCase() === foreground) expect(names).toEqual([])
      else expect(names.map((name) => rules.get(name))).toEqual([`.${names[0]}{${style}}`])
    })
  })

  it('names a style the same way in every block, so one rule serves a whole page', async () => {
    const first = tokenClasses()
    const second = tokenClasses()
    await highlight([first.transformer])
    await codeToHast('const schema = 1', { lang: 'ts', themes: CODE_THEMES, defaultColor: false, transformers: [second.transformer] })
    const shared = [...second.rules.keys()].filter((name) => first.rules.has(name))
    expect(shared.length).toBeGreaterThan(0)
    for (const name of shared) expect(second.rules.get(name)).toBe(first.rules.get(name))
  })
})
