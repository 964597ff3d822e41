import 'server-only'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export type SourceSelection = {
  /** Repo-relative path of the file that runs, e.g. `demos/lib/dal.ts`. */
  file: string
  /** A `#region name` … `#endregion` block inside the file. */
  region?: string
  /** An inclusive 1-based line range such as `10-24`, counted in the raw file. */
  lines?: string
  /** A block from the line that reads exactly this (trimmed) to its closing line, for generated files without regions. */
  block?: string
}

export type SourceExcerpt = { code: string; title: string; lang: string }

const REPO_ROOT = process.cwd()
const MARKER = /#(end)?region\b/
const LANGS: Record<string, string> = { '.ts': 'ts', '.tsx': 'tsx', '.mjs': 'js', '.js': 'js', '.json': 'json', '.css': 'css', '.cs': 'csharp' }

/**
 * Reads the excerpt a docs page shows. Every authoring mistake (missing file,
 * unknown or duplicate region, bad range) throws, so it fails the build instead
 * of showing the reader stale or empty code.
 */
export function readSource({ file, region, lines, block }: SourceSelection): SourceExcerpt {
  // Read at build time only (docs pages are prerendered); not a runtime file access.
  const absolute = path.resolve(/*turbopackIgnore: true*/ REPO_ROOT, file)
  if (!absolute.startsWith(REPO_ROOT + path.sep)) throw new Error(`<SourceCode file="${file}">: path leaves the repository`)
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch {
    throw new Error(`<SourceCode file="${file}">: no such file`)
  }
  if ([region, lines, block].filter(Boolean).length > 1) throw new Error(`<SourceCode file="${file}">: give one of region, lines or block`)
  let selected = text.replace(/\n$/, '').split('\n')
  if (region) selected = pickRegion(selected, file, region)
  if (lines) selected = pickLines(selected, file, lines)
  if (block) selected = pickBlock(selected, file, block)
  const code = dedent(selected.filter((line) => !MARKER.test(line)))
  if (!code.trim()) throw new Error(`<SourceCode file="${file}">: the excerpt is empty`)
  return { code, title: readerPath(file), lang: LANGS[path.extname(file)] ?? 'text' }
}

/** The path a reader would use in their own project: demos/ is this repo's wrapper. */
export function readerPath(file: string) {
  return file.replace(/^demos\//, '')
}

function pickRegion(all: string[], file: string, region: string) {
  const start = all.filter((line) => line.match(/#region\s+(\S+)/)?.[1] === region)
  if (start.length === 0) throw new Error(`<SourceCode file="${file}">: no region "${region}"`)
  if (start.length > 1) throw new Error(`<SourceCode file="${file}">: region "${region}" is defined twice`)
  const from = all.indexOf(start[0]) + 1
  const to = all.findIndex((line, i) => i >= from && /#endregion\b/.test(line) && (line.match(/#endregion\s+(\S+)/)?.[1] ?? region) === region)
  if (to === -1) throw new Error(`<SourceCode file="${file}">: region "${region}" has no #endregion`)
  return all.slice(from, to)
}

function pickLines(all: string[], file: string, lines: string) {
  const match = /^(\d+)-(\d+)$/.exec(lines)
  const from = Number(match?.[1])
  const to = Number(match?.[2])
  if (!match || from < 1 || to < from || to > all.length) {
    throw new Error(`<SourceCode file="${file}" lines="${lines}">: the file has ${all.length} lines`)
  }
  return all.slice(from - 1, to)
}

function pickBlock(all: string[], file: string, block: string) {
  const starts = all.flatMap((line, i) => (line.trim() === block ? [i] : []))
  if (starts.length !== 1) throw new Error(`<SourceCode file="${file}" block="${block}">: found ${starts.length} times, need exactly 1`)
  const from = starts[0]
  const indent = /^ */.exec(all[from])![0]
  // The block ends at the first later line that closes at the opening line's indentation.
  const to = all.findIndex((line, i) => i > from && line.startsWith(`${indent}}`))
  if (to === -1) throw new Error(`<SourceCode file="${file}" block="${block}">: no closing line`)
  return all.slice(from, to + 1)
}

function dedent(lines: string[]) {
  const indents = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length)
  const strip = Math.min(...indents)
  return lines.map((line) => line.slice(strip)).join('\n')
}
