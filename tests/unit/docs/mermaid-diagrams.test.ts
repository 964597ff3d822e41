import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { committedFiles, diagramFile, DIAGRAMS_DIR, staleDrawings } from '@/site/lib/diagrams/diagram-files'
import { diagramKey } from '@/site/lib/diagrams/diagram-key'
import { DIAGRAM_STEPS } from '@/site/lib/diagrams/diagram-steps'
import { mermaidBlocks, mermaidLabels } from '@/site/lib/diagrams/mermaid-labels'

// Each diagram in the docs against the list of where its names live in the code.
const blocks = mermaidBlocks()

describe('the mermaid diagrams', () => {
  it('each have a list of their steps, and each list a diagram', () => {
    const id = (d: { page: string; index: number }) => `${d.page} #${d.index + 1}`
    expect(DIAGRAM_STEPS.map(id).sort()).toEqual(blocks.map(id).sort())
  })

  for (const block of blocks) {
    const listed = DIAGRAM_STEPS.find((d) => d.page === block.page && d.index === block.index)
    describe(`${block.page}, diagram ${block.index + 1}`, () => {
      it('names exactly the participants and steps its list has', () => {
        const { participants, steps } = mermaidLabels(block.source)
        expect(participants.sort()).toEqual(Object.keys(listed?.participants ?? {}).sort())
        expect(steps.sort()).toEqual(Object.keys(listed?.steps ?? {}).sort())
      })

      it('names only what exists: each file is there and holds its text', () => {
        const gone = Object.entries({ ...listed?.participants, ...listed?.steps }).flatMap(([name, [file, ...texts]]) => {
          if (!existsSync(file)) return [`${name}: ${file} does not exist`]
          const source = readFileSync(file, 'utf8')
          return texts.filter((text) => !source.includes(text)).map((text) => `${name}: ${file} has no "${text}"`)
        })
        expect(gone).toEqual([])
      })
    })
  }
})

describe('the diagrams’ drawings (public/diagrams/)', () => {
  it('has a light and a dark one for each diagram, and none for a diagram that is gone', () => {
    const keys = [...new Set(blocks.map((block) => diagramKey(block.source)))]
    const wanted = keys.flatMap((key) => [diagramFile(key, 'light'), diagramFile(key, 'dark')]).sort()
    expect(committedFiles(), '`npm run diagrams` draws them').toEqual(wanted)
  })

  it('calls a drawing stale when either file is missing or differs, and current when both match', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'diagrams-'))
    try {
      mkdirSync(path.join(root, DIAGRAMS_DIR), { recursive: true })
      const write = (key: string, light: string, dark?: string) => {
        writeFileSync(path.join(root, DIAGRAMS_DIR, diagramFile(key, 'light')), light)
        if (dark !== undefined) writeFileSync(path.join(root, DIAGRAMS_DIR, diagramFile(key, 'dark')), dark)
      }
      write('same', '<svg>l</svg>', '<svg>d</svg>')
      write('changed', '<svg>l</svg>', '<svg>old</svg>')
      write('half', '<svg>l</svg>')
      const drawn = ['same', 'changed', 'half', 'new'].map((key) => ({ key, light: '<svg>l</svg>', dark: '<svg>d</svg>' }))
      expect(staleDrawings(drawn, root).map(({ key }) => key)).toEqual(['changed', 'half', 'new'])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
