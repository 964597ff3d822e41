import { z } from 'zod'
import type { components } from '@/demos/lib/api/dotnet-api'

type Schemas = components['schemas']

export const GOAL_STATUSES = ['active', 'completed'] as const
export const PAGE_SIZE = 10

// #region response-schemas
// Responses are checked at runtime where they enter the app. `satisfies` ties
// each schema to the type generated from the API's Swagger document, so a
// contract change the schema misses fails the type check, not a reader.
export const goalSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(GOAL_STATUSES),
  progress: z.number().int().min(0).max(100),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Schemas['Goal']>

export const goalPageSchema = z.object({
  items: z.array(goalSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  totalCount: z.number().int(),
  totalPages: z.number().int(),
  hasMore: z.boolean(),
}) satisfies z.ZodType<Schemas['GoalPage']>
// #endregion response-schemas

export type Goal = z.infer<typeof goalSchema>
export type GoalPage = z.infer<typeof goalPageSchema>

// #region form-schemas
// Invisible control characters and bidirectional overrides, refused as the API refuses them.
const PLAIN_TEXT = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/
const title = z.string().trim().min(1, 'Enter a title').max(200, 'At most 200 characters').regex(PLAIN_TEXT, 'No control characters')

// One schema per form, shared by the browser form and the server (the
// Server Action validates with it too). The limits are the API's.
export const newGoalSchema = z.object({
  title,
  description: z.string().trim().max(2000, 'At most 2000 characters'),
})
export type NewGoal = z.infer<typeof newGoalSchema>

export const goalEditSchema = z.object({
  title,
  status: z.enum(GOAL_STATUSES),
  progress: z.number({ error: 'Enter a number from 0 to 100' }).int('Whole numbers only').min(0, 'At least 0').max(100, 'At most 100'),
})
export type GoalEdit = z.infer<typeof goalEditSchema>
// #endregion form-schemas

// #region list-params
/** The list's view state, read from the URL; anything malformed falls back. */
export const goalListParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  status: z.enum(GOAL_STATUSES).optional().catch(undefined),
})
export type GoalListParams = z.infer<typeof goalListParamsSchema>

export function parseGoalListParams(search: Record<string, string | string[] | undefined> | URLSearchParams): GoalListParams {
  const get = (key: string) => (search instanceof URLSearchParams ? search.get(key) : [search[key]].flat()[0]) ?? undefined
  return goalListParamsSchema.parse({ page: get('page') ?? 1, status: get('status') })
}

export function goalListSearch({ page, status }: GoalListParams) {
  const search = new URLSearchParams()
  if (page > 1) search.set('page', String(page))
  if (status) search.set('status', status)
  const text = search.toString()
  return text ? `?${text}` : ''
}
// #endregion list-params
