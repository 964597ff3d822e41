import type { DemoControls } from './demo-controls-schema'

/** The panel's status line, in plain words: "Active: 1.5 s delay on every request, the next 2 changes fail". */
export function describeDemoControls({ down, latencyMs, failNextMutations, failureRate }: DemoControls): string {
  const counted = failNextMutations === 1 ? 'the next change fails' : `the next ${failNextMutations} changes fail`
  const share = `${Math.round(failureRate * 100)}% of changes fail`
  const active = [
    down && 'API down (every request answers 503)',
    latencyMs > 0 && `${latencyMs >= 1000 ? `${latencyMs / 1000} s` : `${latencyMs} ms`} delay on every request`,
    // With every change failing anyway, the count says nothing more.
    failureRate >= 1 ? 'every change fails' : failNextMutations > 0 && counted,
    failureRate > 0 && failureRate < 1 && (failNextMutations > 0 ? `then ${share}` : share),
  ].filter(Boolean)
  return active.length === 0 ? 'No failures injected' : `Active: ${active.join(', ')}`
}
