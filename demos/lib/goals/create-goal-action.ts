'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { getServerApi } from '@/demos/lib/api/server-client'
import { getSession } from '@/demos/lib/dal'
import { newGoalSchema } from './goal-schemas'

export type CreateGoalState = {
  ok: boolean
  message?: string
  fieldErrors?: { title?: string[]; description?: string[] }
  values?: { title: string; description: string }
}

// #region server-action
/**
 * Creates a goal from a plain HTML form post. With JavaScript off the browser
 * posts the form itself; with it on, React does, and nothing else changes.
 */
export async function createGoalAction(_previous: CreateGoalState, formData: FormData): Promise<CreateGoalState> {
  const values = { title: String(formData.get('title') ?? ''), description: String(formData.get('description') ?? '') }
  // 1. Re-verify the session. An action is a public POST endpoint: anyone can
  //    call it, with any input, whatever the page that rendered the form checked.
  const session = await getSession()
  if (!session) return { ok: false, message: 'Your session has ended. Sign in again.', values }
  // 2. Validate with the same schema as the client form.
  const parsed = newGoalSchema.safeParse(values)
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values }
  // 3. Call the API server to server; the bearer comes from the httpOnly cookie.
  const { data, error, response } = await getServerApi().POST('/api/goals', { body: parsed.data })
  if (!data) {
    const errors = (error as { errors?: Record<string, string[]> } | undefined)?.errors
    if (response.status === 400 && errors) {
      return { ok: false, fieldErrors: { title: errors.Title, description: errors.Description }, values }
    }
    // 4. Nothing from the API's error goes to the page but its status.
    return { ok: false, message: `The API could not create the goal (${response.status}). Try again.`, values }
  }
  // 5. Render the page again with the new goal in it.
  revalidatePath('/demo/goals')
  return { ok: true, message: `Created "${data.title}".` }
}
// #endregion server-action
