import { shortHash } from '@/site/lib/hash/short-hash'
import boxes from './diagram-boxes.json' with { type: 'json' }

/** A diagram's size as mermaid draws it: the SVG's viewBox width and height. */
export type DiagramBox = { width: number; height: number }

/** The key of a diagram in diagram-boxes.json: its source, trimmed, hashed. */
export function diagramKey(chart: string): string {
  return shortHash(chart.trim())
}

/**
 * The box mermaid drew this diagram in, measured in a browser by
 * tests/e2e/diagram-boxes.spec.ts and committed; undefined for a diagram it has not measured.
 */
export function diagramBox(chart: string): DiagramBox | undefined {
  return (boxes as Record<string, DiagramBox>)[diagramKey(chart)]
}
