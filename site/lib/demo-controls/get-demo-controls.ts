import 'server-only'
import { cache } from 'react'
import { callDemoControlsApi } from './call-demo-controls-api'
import { checkSession, sessionEnded } from './check-session'
import type { DemoControlsResult } from './demo-controls-schema'

/**
 * The panel's initial state, for the Server Component that renders it:
 * `const result = await getDemoControls()` then
 * `result.ok && <DemoControlsPanel initialControls={result.controls} />`.
 * Works while the reader has the API "down": the controls endpoint is exempt.
 */
export const getDemoControls = cache(async (): Promise<DemoControlsResult> => {
  if ((await checkSession()) === 'signed-out') return sessionEnded
  return callDemoControlsApi((api) => api.GET('/api/demo/controls'))
})
