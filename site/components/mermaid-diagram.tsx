import 'server-only'
import { diagramKey } from '@/site/lib/diagrams/diagram-key'
import { committedDrawing, DIAGRAM_SCHEMES, diagramUrl, drawingSize } from '@/site/lib/diagrams/diagram-files'
import { mermaidLabels } from '@/site/lib/diagrams/mermaid-labels'

/**
 * The docs' ```mermaid blocks, in place of the theme's component, which loaded
 * mermaid in the browser and drew there (next.config.mjs aliases it). Each
 * diagram is drawn once, by `npm run diagrams`, into an SVG file per colour
 * scheme (public/diagrams/). The page shows them as images: no script runs, the
 * box is the drawing's size from the first paint, and an image below the fold
 * loads only as it nears the screen. The stylesheet shows the one that matches
 * the scheme; the other, hidden, is never fetched.
 */
export function Mermaid({ chart: written }: { chart: string }) {
  // The remark plugin hands the block over with its line breaks written as \n.
  const chart = written.replaceAll('\\n', '\n')
  const key = diagramKey(chart)
  const drawing = committedDrawing(key)
  // Docs pages are prerendered, so a diagram without a drawing stops the build here.
  if (!drawing) throw new Error(`The diagram ${key} has no drawing in public/diagrams/. Run \`npm run diagrams\`. Its source:\n${chart}`)
  const { width, height } = drawingSize(drawing.light)
  const alt = diagramAlt(chart)
  return (
    <figure className="bff-mermaid" data-diagram-key={key}>
      {DIAGRAM_SCHEMES.map((scheme) => (
        // next/image would serve an SVG unchanged and needs dangerouslyAllowSVG; a plain image is what it would render.
        // eslint-disable-next-line @next/next/no-img-element
        <img key={scheme} className={`bff-mermaid-${scheme}`} src={diagramUrl(key, scheme)} width={width} height={height} alt={alt} loading="lazy" decoding="async" />
      ))}
    </figure>
  )
}

/** The text alternative: what the diagram names, in its order. The prose around each diagram walks through it. */
function diagramAlt(chart: string) {
  const kind = chart.trimStart().startsWith('sequenceDiagram') ? 'Sequence diagram' : 'Diagram'
  const { participants, steps } = mermaidLabels(chart)
  return `${kind} of ${participants.join(', ')}${steps.length ? `. Steps: ${steps.join('; ')}` : ''}.`
}
