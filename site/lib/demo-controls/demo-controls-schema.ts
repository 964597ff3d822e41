import { z } from 'zod'
import type { components } from '@/demos/lib/api/dotnet-api'

/** What the API reports: the settings in force and when they switch themselves off. */
export type DemoControls = components['schemas']['DemoControls']

export type DemoControlsResult = { ok: true; controls: DemoControls } | { ok: false; message: string }

export const noDemoControls: DemoControls = { latencyMs: 0, failNextMutations: 0, failureRate: 0, down: false, expiresAt: null }

/**
 * What the BFF accepts from the panel before it calls the API. A Server
 * Action is a public endpoint, so this runs on the server whatever the panel's
 * inputs allowed. The bounds are the API's own; the API checks them again.
 */
export const demoControlsSchema = z.object({
  latencyMs: z.int({ error: 'Choose a delay in whole milliseconds.' }).min(0).max(10_000, { error: 'The delay can be at most 10 seconds.' }),
  failNextMutations: z.int({ error: 'Enter a whole number of changes.' }).min(0).max(100, { error: 'Fail at most 100 changes.' }),
  failureRate: z.number().min(0).max(1, { error: 'The share of failing changes is between 0% and 100%.' }),
  down: z.boolean(),
})

export type DemoControlsInput = z.infer<typeof demoControlsSchema>
