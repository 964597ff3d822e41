import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mdxPages } from './mdx-pages'

// An excerpt (a file, or one region, block or line range of it) is shown once,
// on the first page in the sidebar's order that explains it; later pages link
// there. Showing it again makes the reader wonder what changed.
type Excerpt = { key: string; route: string }

/** The `<SourceCode … />` tags of a page, as `file#region` (or `#block`, `#lines`; `file#` for a whole file). */
export function excerptsOf(source: string): string[] {
  return Array.from(source.matchAll(/<SourceCode\s([^>]*?)\/>/g), ([, attributes]) => {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1]
    return `${attribute('file')}#${attribute('region') ?? attribute('block') ?? attribute('lines') ?? ''}`
  })
}

// Each entry: an excerpt a later page may show again, the page, and why.
const ALLOWED: { key: string; route: string; reason: string }[] = [
]

/** content/_meta.ts and content/workflows/_meta.ts, flattened: the order a reader meets the pages. */
function sidebarOrder(): string[] {
  const keys = (file: string) => Array.from(readFileSync(file, 'utf8').matchAll(/^\s+'?([a-z-]+)'?:/gm), (match) => match[1])
  return keys('content/_meta.ts').flatMap((key) => (key === 'workflows' ? keys('content/workflows/_meta.ts').map((name) => `/workflows/${name}`) : [key === 'index' ? '/' : `/${key}`]))
}

describe('each excerpt is shown on one page', () => {
  const order = sidebarOrder()
  const pages = mdxPages()
  const shown: Excerpt[] = pages.flatMap(({ route, source }) => [...new Set(excerptsOf(source))].map((key) => ({ key, route })))

  it('every page is in the sidebar, so "first" is defined', () => {
    expect(pages.map(({ route }) => route).filter((route) => !order.includes(route))).toEqual([])
  })

  it('no excerpt is on two pages, but for the allowed ones', () => {
    const first = new Map<string, string>()
    for (const { key, route } of [...shown].sort((a, b) => order.indexOf(a.route) - order.indexOf(b.route))) {
      if (!first.has(key)) first.set(key, route)
    }
    const repeated = shown
      .filter(({ key, route }) => first.get(key) !== route)
      .filter(({ key, route }) => !ALLOWED.some((allowed) => allowed.key === key && allowed.route === route))
      .map(({ key, route }) => `${key} is on ${route}, and first on ${first.get(key)}: link there instead`)
    expect(repeated).toEqual([])
  })

  it('reads the attributes that name an excerpt', () => {
    expect(excerptsOf('<SourceCode file="a.ts" />\n<SourceCode\n  file="b.ts"\n  region="r"\n/>\n<SourceCode file="c.cs" block="x {" />')).toEqual(['a.ts#', 'b.ts#r', 'c.cs#x {'])
  })
})
