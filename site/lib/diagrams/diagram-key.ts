import { shortHash } from '@/site/lib/hash/short-hash'

/** A diagram's key, and the name of its drawing: its source, trimmed, hashed. */
export function diagramKey(chart: string): string {
  return shortHash(chart.trim())
}
