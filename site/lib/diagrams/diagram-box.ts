import boxes from './diagram-boxes.json' with { type: 'json' }

/** A diagram's size as mermaid draws it: the SVG's viewBox width and height. */
export type DiagramBox = { width: number; height: number }

/** The key of a diagram in diagram-boxes.json: its source, trimmed, hashed (FNV-1a). */
export function diagramKey(chart: string): string {
  const source = chart.trim()
  let hash = 0x811c9dc5
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/**
 * The box mermaid drew this diagram in, measured in a browser by
 * tests/e2e/diagram-boxes.spec.ts and committed; undefined for a diagram it has not measured.
 */
export function diagramBox(chart: string): DiagramBox | undefined {
  return (boxes as Record<string, DiagramBox>)[diagramKey(chart)]
}
