'use server'

import { callDemoControlsApi } from './call-demo-controls-api'
import { checkSession, sessionEnded } from './check-session'
import { type DemoControlsInput, type DemoControlsResult, demoControlsSchema } from './demo-controls-schema'

// Server Actions are public POST endpoints, whatever page showed the button:
// each one checks the session and its input itself. Failures come back as
// results for the panel to show; only the redirect to sign in is thrown.

/** Replaces the reader's controls; what the input leaves at zero or false is off. */
export async function setDemoControls(input: DemoControlsInput): Promise<DemoControlsResult> {
  // 1. Re-verify the session (see check-session.ts for why "unknown" goes on).
  if ((await checkSession()) === 'signed-out') return sessionEnded

  // 2. Validate here: the panel's inputs limit nothing a crafted request sends.
  const parsed = demoControlsSchema.safeParse(input)
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(' ') }

  // 3. Server to server, with the bearer token from the httpOnly cookie.
  return callDemoControlsApi((api) => api.PUT('/api/demo/controls', { body: parsed.data }))
}

/** Switches every control off. */
export async function resetDemoControls(): Promise<DemoControlsResult> {
  // 1. Re-verify the session.
  if ((await checkSession()) === 'signed-out') return sessionEnded

  // 2. Server to server, with the bearer token from the httpOnly cookie.
  return callDemoControlsApi((api) => api.DELETE('/api/demo/controls'))
}
