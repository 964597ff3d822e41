import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type MdxPage = { file: string; route: string; source: string; prose: string }

/**
 * Every docs page under content/, with its prose: the source without fenced
 * blocks (diagrams and shell commands) and without self-closing components
 * (their attributes name files and tests), blanked rather than removed so line
 * numbers still point into the file.
 */
export function mdxPages(dir = 'content'): MdxPage[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((relative) => {
      const file = path.join(dir, relative)
      const source = readFileSync(file, 'utf8')
      const route = `/${relative.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}`
      return { file, route, source, prose: source.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, blank).replace(/<[A-Z][^>]*\/>/g, blank) }
    })
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ')
