import type { GoalUnit } from '@/site/lib/measured/bench-goals'

/** Milliseconds with the precision the bench records, shorter once the figure is large. */
export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : value < 1000 ? 1 : 0)} ms`
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

/** A figure in its goal's unit: a size over a base is signed, so "under" reads as negative. */
export function formatFigure(value: number, unit: GoalUnit): string {
  switch (unit) {
    case 'ms':
      return ms(value)
    case 'ratio':
      return value.toFixed(2)
    case 'bytes':
      return `${value > 0 ? '+' : value < 0 ? '−' : ''}${kib(Math.abs(value))}`
    default:
      return String(value)
  }
}
