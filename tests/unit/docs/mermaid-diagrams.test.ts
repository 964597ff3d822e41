import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { diagramKey } from '@/site/lib/diagrams/diagram-box'
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

describe('the diagrams’ reserved boxes (site/lib/diagrams/diagram-boxes.json)', () => {
  it('has one for each diagram, and none for a diagram that is gone', () => {
    const boxes = JSON.parse(readFileSync('site/lib/diagrams/diagram-boxes.json', 'utf8')) as Record<string, unknown>
    const keys = blocks.map((block) => diagramKey(block.source))
    expect(Object.keys(boxes).sort(), 'UPDATE_DIAGRAM_BOXES=1 npx playwright test diagram-boxes measures them').toEqual([...new Set(keys)].sort())
  })
})
