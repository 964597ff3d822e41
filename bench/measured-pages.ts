// The pages the page-quality benchmark measures, read from the tree rather
// than listed by hand, so a new page is measured from its first run: every
// MDX file under content/ (the catch-all route serves each one) and every
// page under app/demo/.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type MeasuredPage = {
  /** The page's title (an MDX page's front matter, a demo page's metadata), or its path when it has none. */
  name: string
  path: string
  /** Docs pages are held to the bare Nextra page; demo pages to the layout-shift goal only. */
  kind: 'docs' | 'demo'
  /** A demo page whose server component calls verifySession() is measured with a session. */
  signedIn: boolean
}

export function measuredPages({ contentDir = 'content', demoDir = 'app/demo' } = {}): MeasuredPage[] {
  return [...docsPages(contentDir), ...demoPages(demoDir)]
}

function docsPages(contentDir: string): MeasuredPage[] {
  return filesUnder(contentDir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const source = readFileSync(path.join(contentDir, file), 'utf8')
      const route = `/${file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}`.replace(/\/$/, '') || '/'
      return { name: frontMatterTitle(source) ?? route, path: route, kind: 'docs' as const, signedIn: false }
    })
    .sort(byPath)
}

function demoPages(demoDir: string): MeasuredPage[] {
  return filesUnder(demoDir)
    .filter((file) => path.basename(file) === 'page.tsx')
    .map((file) => {
      const route = `/${path.join(path.basename(demoDir), path.dirname(file))}`.replace(/\/\.$/, '')
      const source = readFileSync(path.join(demoDir, file), 'utf8')
      const signedIn = /\bverifySession\(/.test(source)
      // The metadata may sit in its own file beside the page (page-metadata.ts).
      const metadataFile = path.join(demoDir, path.dirname(file), 'page-metadata.ts')
      const metadata = existsSync(metadataFile) ? readFileSync(metadataFile, 'utf8') : source
      const title = /\btitle:\s*(['"])(.+?)\1/.exec(metadata)?.[2] ?? route
      return { name: `${title}${signedIn ? ' (signed in)' : ''}`, path: route, kind: 'demo' as const, signedIn }
    })
    .sort(byPath)
}

/** Relative paths of the files under `dir`; folders and files starting with `_` are Nextra's private ones, not pages. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) return []
    if (entry.isDirectory()) return filesUnder(path.join(dir, entry.name)).map((file) => path.join(entry.name, file))
    return [entry.name]
  })
}

function frontMatterTitle(source: string): string | undefined {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1]
  const title = frontMatter && /^title:\s*(.+)$/m.exec(frontMatter)?.[1].trim()
  return title ? title.replace(/^(['"])(.*)\1$/, '$2') : undefined
}

const byPath = (a: MeasuredPage, b: MeasuredPage) => a.path.localeCompare(b.path)
