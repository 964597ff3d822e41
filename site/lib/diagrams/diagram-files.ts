import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const DIAGRAM_SCHEMES = ['light', 'dark'] as const
export type DiagramScheme = (typeof DIAGRAM_SCHEMES)[number]

/** A chart drawn in each colour scheme: standalone SVG files, the same size in both. */
export type Drawing = { key: string } & Record<DiagramScheme, string>

/** Where the drawings are committed, and the address the site serves them at. */
export const DIAGRAMS_DIR = 'public/diagrams'
export const diagramFile = (key: string, scheme: DiagramScheme) => `${key}-${scheme}.svg`
export const diagramUrl = (key: string, scheme: DiagramScheme) => `/diagrams/${diagramFile(key, scheme)}`

const dir = (root: string) => path.join(root, DIAGRAMS_DIR)

/** The drawing of a diagram as committed, or undefined when it has none. */
export function committedDrawing(key: string, root = process.cwd()): Drawing | undefined {
  const read = (scheme: DiagramScheme) => {
    const file = path.join(dir(root), diagramFile(key, scheme))
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined
  }
  const [light, dark] = [read('light'), read('dark')]
  return light && dark ? { key, light, dark } : undefined
}

/** The drawings whose committed files are missing, or differ from what was drawn today. */
export function staleDrawings(drawings: Drawing[], root = process.cwd()): Drawing[] {
  return drawings.filter((drawing) => {
    const committed = committedDrawing(drawing.key, root)
    return committed?.light !== drawing.light || committed.dark !== drawing.dark
  })
}

/** Every committed drawing file's name. */
export function committedFiles(root = process.cwd()): string[] {
  return existsSync(dir(root)) ? readdirSync(dir(root)).filter((name) => name.endsWith('.svg')).sort() : []
}

/** A drawing's size in CSS pixels, from its root element's width and height. */
export function drawingSize(svg: string): { width: number; height: number } {
  const root = svg.match(/^<svg\b[^>]*>/)?.[0] ?? ''
  const attribute = (name: string) => Number(root.match(new RegExp(`\\s${name}="(\\d+)"`))?.[1])
  return { width: attribute('width'), height: attribute('height') }
}
