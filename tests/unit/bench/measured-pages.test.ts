import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { measuredPages } from '@/bench/measured-pages'

const root = mkdtempSync(path.join(tmpdir(), 'measured-pages-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), text)
}

describe('measuredPages', () => {
  it('finds every MDX page and demo page, skipping private files, with their titles and whether they need a session', () => {
    write('content/index.mdx', '---\ntitle: Overview\n---\n# Hi')
    write('content/glossary.mdx', "---\ntitle: 'Glossary'\n---\n")
    write('content/workflows/login.mdx', '# No front matter')
    write('content/workflows/index.mdx', '---\ntitle: Workflows\n---\n')
    write('content/_components/note.mdx', '# private')
    write('content/_meta.ts', 'export default {}')
    write('app/demo/login/page.tsx', "export const metadata = { title: 'Demo: sign in' }")
    write('app/demo/goals/page.tsx', "export { metadata } from './page-metadata'\nawait verifySession()")
    write('app/demo/goals/page-metadata.ts', "export const metadata = { title: 'Demo: goals' }")
    write('app/demo/goals/loading.tsx', 'export default function Loading() {}')

    expect(measuredPages({ contentDir: path.join(root, 'content'), demoDir: path.join(root, 'app/demo') })).toEqual([
      { name: 'Overview', path: '/', kind: 'docs', signedIn: false },
      { name: 'Glossary', path: '/glossary', kind: 'docs', signedIn: false },
      { name: 'Workflows', path: '/workflows', kind: 'docs', signedIn: false },
      { name: '/workflows/login', path: '/workflows/login', kind: 'docs', signedIn: false },
      { name: 'Demo: goals (signed in)', path: '/demo/goals', kind: 'demo', signedIn: true },
      { name: 'Demo: sign in', path: '/demo/login', kind: 'demo', signedIn: false },
    ])
  })

  it("lists this site's pages, the goals demo signed in", () => {
    const pages = measuredPages()
    expect(pages.filter((page) => page.kind === 'docs').length).toBeGreaterThan(15)
    expect(pages).toContainEqual({ name: 'Demo: goals (signed in)', path: '/demo/goals', kind: 'demo', signedIn: true })
    expect(pages).toContainEqual(expect.objectContaining({ path: '/workflows/pagination', kind: 'docs' }))
  })
})
