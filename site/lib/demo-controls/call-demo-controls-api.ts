import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import { getServerApi } from '@/demos/lib/api/server-client'
import { type DemoControls, type DemoControlsResult, noDemoControls } from './demo-controls-schema'

type ServerApi = ReturnType<typeof getServerApi>
type ApiAnswer = { data?: DemoControls; error?: unknown; response: Response }

/**
 * Calls /api/demo/controls server to server and turns the answer into a
 * result: the panel shows `message`, never a stack. The typed client adds the
 * bearer token from the httpOnly cookie and redirects to sign in on a 401;
 * that redirect is thrown on purpose and must reach Next.
 */
export async function callDemoControlsApi(call: (api: ServerApi) => Promise<ApiAnswer>): Promise<DemoControlsResult> {
  try {
    const { data, error, response } = await call(getServerApi())
    if (response.status === 204) return { ok: true, controls: noDemoControls }
    if (response.ok && data) return { ok: true, controls: data }
    return { ok: false, message: problemMessage(response.status, error) }
  } catch (error) {
    unstable_rethrow(error)
    console.error('[demo controls] the API call failed', error)
    return { ok: false, message: 'The API could not be reached. Try again in a moment.' }
  }
}

function problemMessage(status: number, error: unknown): string {
  const problem = (error ?? {}) as { title?: string; detail?: string; errors?: Record<string, string[]> }
  const fieldMessages = Object.values(problem.errors ?? {}).flat()
  if (fieldMessages.length > 0) return fieldMessages.join(' ')
  return problem.detail ?? problem.title ?? `The API answered ${status}.`
}
