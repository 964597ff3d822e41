import { z } from 'zod'
import { fieldLimits } from './mock-config'

/**
 * The one definition of every body the API accepts or returns. Handlers
 * validate with these, and openapi-document.ts turns the registered ones into
 * `components.schemas`, so the docs and the generated client cannot drift from
 * what the handlers enforce. Request schemas avoid transforms and defaults so
 * their JSON Schema says exactly what a client may send.
 */
export const requestSchemas = z.registry<{ id: string }>()
export const responseSchemas = z.registry<{ id: string }>()

/** Also the `pattern` in the OpenAPI document, and the C# API's check. */
export const titlePattern = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]*$/

const title = z
  .string()
  .trim()
  .min(1, { error: 'The Title field is required.' })
  .max(fieldLimits.titleMax, { error: `Title must be at most ${fieldLimits.titleMax} characters.` })
  // Control characters, bidirectional overrides and isolates, zero-width characters and direction
  // marks, line and paragraph separators: invisible, and they can make a title display as something
  // else ("Trojan Source") or two titles look the same. Other Unicode (accents, CJK, emoji) is welcome.
  .regex(titlePattern, { error: 'Title must not contain control characters or invisible formatting characters.' })
  // A lone surrogate is not text; JSON can carry one (`"\ud800"`), UTF-8 cannot store it.
  .refine((value) => value.isWellFormed(), { error: 'Title must be valid Unicode text.' })
const description = z
  .string()
  .max(fieldLimits.descriptionMax, { error: `Description must be at most ${fieldLimits.descriptionMax} characters.` })
const progress = z
  .int({ error: 'Progress must be an integer.' })
  .min(0, { error: 'Progress must be between 0 and 100.' })
  .max(100, { error: 'Progress must be between 0 and 100.' })
const email = z
  .email({ error: 'The Email field is not a valid e-mail address.' })
  .max(fieldLimits.emailMax, { error: `Email must be at most ${fieldLimits.emailMax} characters.` })

export const GoalStatus = z
  .enum(['active', 'completed'])
  .register(responseSchemas, { id: 'GoalStatus' })
  .register(requestSchemas, { id: 'GoalStatus' })
export type GoalStatus = z.infer<typeof GoalStatus>

export const Goal = z
  .object({
    id: z.uuid(),
    title,
    description,
    status: GoalStatus,
    progress,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .register(responseSchemas, { id: 'Goal' })
export type Goal = z.infer<typeof Goal>

export const GoalPage = z
  .object({
    items: z.array(Goal),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    totalCount: z.int().min(0),
    totalPages: z.int().min(0),
    hasMore: z.boolean(),
  })
  .register(responseSchemas, { id: 'GoalPage' })
export type GoalPage = z.infer<typeof GoalPage>

export const User = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.string().describe('Role claim. Every account the mock creates has the role "user".'),
  })
  .register(responseSchemas, { id: 'User' })
export type User = z.infer<typeof User>

export const LoginResponse = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.int().min(0).describe('Seconds until the access token expires.'),
    refreshTokenExpiresIn: z
      .int()
      .min(0)
      .describe('Seconds until the refresh token family reaches its absolute expiry; rotation does not extend it.'),
    user: User,
  })
  .register(responseSchemas, { id: 'LoginResponse' })
export type LoginResponse = z.infer<typeof LoginResponse>

export const ProblemDetails = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    traceId: z.string(),
  })
  .register(responseSchemas, { id: 'ProblemDetails' })

export const ValidationProblemDetails = ProblemDetails.extend({
  errors: z
    .record(z.string(), z.array(z.string()))
    .describe('Messages keyed by the PascalCase property name, as ASP.NET Core model validation reports them.'),
}).register(responseSchemas, { id: 'ValidationProblemDetails' })

export const LoginRequest = z
  .object({
    email,
    // Only the register endpoint states the password policy; login must not hint at it.
    password: z.string().min(1, { error: 'The Password field is required.' }).max(fieldLimits.passwordMax),
  })
  .register(requestSchemas, { id: 'LoginRequest' })

export const RegisterRequest = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: 'The Name field is required.' })
      .max(fieldLimits.nameMax, { error: `Name must be at most ${fieldLimits.nameMax} characters.` }),
    email,
    password: z
      .string()
      .min(fieldLimits.passwordMin, { error: `Password must be at least ${fieldLimits.passwordMin} characters.` })
      .max(fieldLimits.passwordMax, { error: `Password must be at most ${fieldLimits.passwordMax} characters.` }),
  })
  .register(requestSchemas, { id: 'RegisterRequest' })

export const RefreshRequest = z
  .object({ refreshToken: z.string().min(1, { error: 'The RefreshToken field is required.' }).max(512) })
  .register(requestSchemas, { id: 'RefreshRequest' })

// The refresh token is optional: a BFF holding only the access token ends the
// session through the bearer token's `sid` instead (see auth-handlers.ts).
export const LogoutRequest = z
  .object({ refreshToken: z.string().min(1, { error: 'The RefreshToken field is required.' }).max(512).optional() })
  .register(requestSchemas, { id: 'LogoutRequest' })

export const CreateGoalRequest = z
  .object({
    title,
    description: description.optional().describe('Defaults to an empty string.'),
    status: GoalStatus.optional().describe('Defaults to "active".'),
    progress: progress.optional().describe('Defaults to 0.'),
  })
  .register(requestSchemas, { id: 'CreateGoalRequest' })

export const ReplaceGoalRequest = z
  .object({ title, description, status: GoalStatus, progress })
  .register(requestSchemas, { id: 'ReplaceGoalRequest' })

export const UpdateGoalRequest = z
  .object({
    title: title.optional(),
    description: description.optional(),
    status: GoalStatus.optional(),
    progress: progress.optional(),
  })
  .register(requestSchemas, { id: 'UpdateGoalRequest' })

const maxPageSize = 50
export const GoalListQuery = z.object({
  page: z.coerce
    .number({ error: 'Page must be an integer.' })
    .int({ error: 'Page must be an integer.' })
    .min(1, { error: 'Page must be 1 or greater.' })
    .default(1),
  pageSize: z.coerce
    .number({ error: 'PageSize must be an integer.' })
    .int({ error: 'PageSize must be an integer.' })
    .min(1, { error: `PageSize must be between 1 and ${maxPageSize}.` })
    .max(maxPageSize, { error: `PageSize must be between 1 and ${maxPageSize}.` })
    .default(10),
  status: z.enum(GoalStatus.options, { error: 'Status must be "active" or "completed".' }).optional(),
})

// #region demo-controls
export const demoControlLimits = { latencyMsMax: 10_000, failNextMutationsMax: 100 } as const

const latencyMs = z
  .int({ error: 'LatencyMs must be an integer.' })
  .min(0, { error: `LatencyMs must be between 0 and ${demoControlLimits.latencyMsMax}.` })
  .max(demoControlLimits.latencyMsMax, { error: `LatencyMs must be between 0 and ${demoControlLimits.latencyMsMax}.` })
  .describe('Milliseconds added to every request of the account.')
const failNextMutations = z
  .int({ error: 'FailNextMutations must be an integer.' })
  .min(0, { error: `FailNextMutations must be between 0 and ${demoControlLimits.failNextMutationsMax}.` })
  .max(demoControlLimits.failNextMutationsMax, {
    error: `FailNextMutations must be between 0 and ${demoControlLimits.failNextMutationsMax}.`,
  })
  .describe('How many of the next POST, PUT, PATCH or DELETE requests answer 500. Counts down as they fail.')
const failureRate = z
  .number({ error: 'FailureRate must be a number.' })
  .min(0, { error: 'FailureRate must be between 0 and 1.' })
  .max(1, { error: 'FailureRate must be between 0 and 1.' })
  .describe('Share of the other mutations that answer 500: 0 none, 0.3 about a third, 1 all.')
const down = z
  .boolean({ error: 'Down must be true or false.' })
  .describe('Every request of the account answers 503 with Retry-After, as if the API were down.')

const leftOutMeans = <Schema extends z.ZodType>(schema: Schema, value: string) =>
  schema.optional().describe(`${schema.description} Defaults to ${value}.`)

export const DemoControlsRequest = z
  .object({
    latencyMs: leftOutMeans(latencyMs, '0'),
    failNextMutations: leftOutMeans(failNextMutations, '0'),
    failureRate: leftOutMeans(failureRate, '0'),
    down: leftOutMeans(down, 'false'),
  })
  .describe('Replaces all the controls: a field left out is switched off.')
  .register(requestSchemas, { id: 'DemoControlsRequest' })

export const DemoControls = z
  .object({
    latencyMs,
    failNextMutations,
    failureRate,
    down,
    expiresAt: z.iso
      .datetime()
      .nullable()
      .describe('When the controls switch themselves off: a fixed time after they were last set. Null when none is on.'),
  })
  .register(responseSchemas, { id: 'DemoControls' })
export type DemoControls = z.infer<typeof DemoControls>
// #endregion demo-controls

export const DemoSession = z
  .object({
    familyIdPrefix: z.string().describe('The first 8 characters of the refresh-token family id (the `sid` claim): enough to tell sessions apart.'),
    familyCreatedAt: z.iso.datetime().describe('When the family started: the sign-in.'),
    familyExpiresAt: z.iso.datetime().describe('The absolute limit: no refresh succeeds after it, however often the family rotated.'),
    rotations: z.int().min(0).describe('Refresh tokens issued since sign-in: one per successful rotation.'),
    overlapReuses: z
      .int()
      .min(0)
      .describe('Refreshes the overlap window answered with a successor already issued, instead of revoking the family.'),
    overlapSeconds: z.int().min(0).describe('The overlap window in force, in seconds (0 = off).'),
  })
  .describe('Demo only: the refresh-token family behind the presented access token.')
  .register(responseSchemas, { id: 'DemoSession' })
export type DemoSession = z.infer<typeof DemoSession>

// #region attachments
/** What an upload may declare. Each is checked against the body's first bytes (content-sniffer.ts). */
export const uploadContentTypes = ['image/png', 'image/jpeg', 'image/gif', 'application/pdf', 'application/zip', 'text/plain', 'text/csv'] as const

export const UploadGrantRequest = z
  .object({
    fileName: z
      .string()
      .min(1, { error: 'The FileName field is required.' })
      .max(fieldLimits.fileNameMax, { error: `FileName must be at most ${fieldLimits.fileNameMax} characters.` })
      .refine((value) => value.isWellFormed(), { error: 'FileName must be valid Unicode text.' })
      .describe('Kept only as display text: path segments and control characters are removed.'),
    size: z
      .int({ error: 'Size must be an integer.' })
      .min(1, { error: 'Size must be at least 1 byte.' })
      .describe('Exact byte count of the file. The upload must send exactly this many bytes.'),
    contentType: z.enum(uploadContentTypes, { error: `ContentType must be one of ${uploadContentTypes.join(', ')}.` }),
  })
  .register(requestSchemas, { id: 'UploadGrantRequest' })

export const UploadGrant = z
  .object({
    uploadUrl: z.string().describe('Where the browser PUTs the file: absolute when the API has a public URL, otherwise a path on its own origin.'),
    uploadToken: z.string().describe('Send as X-Upload-Token on that one PUT. Single use; never a cookie.'),
    expiresAt: z.iso.datetime(),
  })
  .register(responseSchemas, { id: 'UploadGrant' })
export type UploadGrant = z.infer<typeof UploadGrant>

export const Attachment = z
  .object({
    id: z.uuid(),
    fileName: z.string().describe('Sanitized display text, never a path.'),
    contentType: z.string(),
    size: z.int().min(1),
    createdAt: z.iso.datetime(),
  })
  .register(responseSchemas, { id: 'Attachment' })
export type Attachment = z.infer<typeof Attachment>
// #endregion attachments
