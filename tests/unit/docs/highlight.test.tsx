import { isValidElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { highlight } from '@/content/_components/highlight'
import { tokenClasses } from '@/content/_components/token-classes'

const CODE = "import { z } from 'zod'\n\nexport const schema = z.object({ email: z.string().email() })"

/** Every element type in a React tree, as React would send and hydrate it. */
function elementTypes(node: ReactNode): string[] {
  if (Array.isArray(node)) return node.flatMap(elementTypes)
  if (!isValidElement<{ children?: ReactNode }>(node)) return []
  const inside = elementTypes(node.props.children)
  // A fragment is not an element of the page.
  if (typeof node.type === 'symbol') return inside
  return [typeof node.type === 'string' ? node.type : (node.type as { name: string }).name, ...inside]
}

describe('highlight', () => {
  it('hands React the block down to its <code>, and the tokens inside as one HTML string', async () => {
    const tokens = tokenClasses()
    const block = await highlight(CODE, { lang: 'ts', tokens, markLines: true })
    expect(elementTypes(block)).toEqual(['pre', 'TokensCode'])
    const html = renderToStaticMarkup(block)
    expect(html.match(/<span class="line" data-line="">/g)).toHaveLength(CODE.split('\n').length)
    expect(html).toMatch(/<span class="sk-[0-9a-z]+">/)
    expect(tokens.rules.size).toBeGreaterThan(0)
  })

  it('shows the code unchanged: the text of the HTML is the source', async () => {
    const html = renderToStaticMarkup(await highlight(CODE, { lang: 'ts', tokens: tokenClasses() }))
    const text = html
      .replace(/^[\s\S]*?<code>|<\/code>[\s\S]*$/g, '')
      .replace(/<[^>]+>/g, '')
      .replaceAll('&#x27;', "'")
      .replaceAll('&quot;', '"')
    expect(text).toBe(CODE)
  })
})
