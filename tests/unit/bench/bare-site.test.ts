import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The bare Nextra baseline (bench/bare-nextra/) is only a baseline while it is
// this site minus the site's own code: the same theme options, read the same way.
const read = (file: string) => readFileSync(file, 'utf8')
const withoutComments = (code: string) =>
  code
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim()

function between(source: string, start: string, end: string) {
  const code = withoutComments(source)
  const from = code.indexOf(start)
  const to = code.indexOf(end, from)
  expect(from, `${start} not found`).toBeGreaterThan(-1)
  expect(to, `${end} not found after ${start}`).toBeGreaterThan(from)
  return code.slice(from, to + end.length)
}

describe('the bare Nextra site', () => {
  const site = read('app/layout.tsx')
  const bare = read('bench/bare-nextra/app/layout.tsx')

  it('renders the same <Head> and <Layout> with the same options as the site', () => {
    expect(between(bare, '<Head', '/>')).toBe(between(site, '<Head', '/>'))
    expect(between(bare, '<Layout', '</Layout>')).toBe(between(site, '<Layout', '</Layout>'))
    expect(bare).toContain("import { themeConfig } from '@/theme.config'")
    expect(bare).toContain("import 'nextra-theme-docs/style.css'")
  })

  it('passes nextra the same options as the site', () => {
    const options = (file: string) => between(read(file), 'nextra({', '})')
    expect(options('bench/bare-nextra/next.config.mjs')).toBe(options('next.config.mjs'))
  })

  it("renders its pages with the site's catch-all route", () => {
    const route = (file: string) => between(read(file), 'export const generateStaticParams', '</Wrapper> ) }')
    expect(route('bench/bare-nextra/app/[[...mdxPath]]/page.tsx')).toBe(route('app/[[...mdxPath]]/page.tsx'))
  })

  it("is served by a copy of the site's server.mjs, which alone compresses, on both", () => {
    // Were Next.js to compress one of them, it would get gzip where the other gets brotli.
    expect(read('bench/bare-site.ts')).toMatch(/FROM_THE_SITE = \[[^\]]*'server\.mjs'/)
    expect(read('bench/bare-site.ts')).toContain("spawnServer(['server.mjs']")
    expect(withoutComments(read('bench/bare-nextra/next.config.mjs'))).toContain('compress: false,')
    expect(withoutComments(read('next.config.mjs'))).toContain("compress: process.env.NEXT_OUTPUT === 'standalone',")
  })

  it("gets the theme's stylesheet through the site's PostCSS config", () => {
    expect(read('bench/bare-site.ts')).toMatch(/FROM_THE_SITE = \[[^\]]*'postcss\.config\.mjs',\s*'site\/postcss\/class-names-for-class-attributes\.mjs'/)
  })

  it('has no components of its own: its MDX components are the theme\'s', () => {
    expect(read('bench/bare-nextra/mdx-components.tsx')).not.toMatch(/from '@\/|from '\.\.?\//)
  })
})
