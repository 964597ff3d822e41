import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import demoMeta from '@/app/demo/_meta'

// Nextra's page map sees a stand-in for each demo page (next.config.mjs,
// page-map-stand-ins), so the navigation's titles come from app/demo/_meta.ts:
// each must be the page's own <title>, and no page may be left out.
const pages = readdirSync('app/demo', { withFileTypes: true }).filter((entry) => entry.isDirectory() && readdirSync(`app/demo/${entry.name}`).includes('page.tsx'))

describe('the demo pages in the docs navigation', () => {
  it.each(pages.map((page) => page.name))('/demo/%s has its own title', (name) => {
    const title = /export const metadata: Metadata = \{ title: '([^']+)' \}/.exec(readFileSync(`app/demo/${name}/page.tsx`, 'utf8'))?.[1]
    expect(title, `app/demo/${name}/page.tsx: no metadata title`).toBeDefined()
    expect((demoMeta as Record<string, string>)[name]).toBe(title)
  })

  it('lists no page that does not exist', () => {
    expect(Object.keys(demoMeta).sort()).toEqual(pages.map((page) => page.name).sort())
  })
})
