import type { ComponentsObject, ParameterObject, SchemaObject } from 'openapi-typescript'
import { z } from 'zod'
import { GoalListQuery, requestSchemas, responseSchemas } from './schemas'

const uri = (id: string) => `#/components/schemas/${id}`

/**
 * `components.schemas`, generated from the zod schemas the handlers validate
 * with. Requests are described as input (what a client may send), responses as
 * output (what it gets back).
 */
function schemas(): Record<string, SchemaObject> {
  return tidy({
    ...z.toJSONSchema(requestSchemas, { io: 'input', uri }).schemas,
    ...z.toJSONSchema(responseSchemas, { io: 'output', uri }).schemas,
  }) as Record<string, SchemaObject>
}

/** The list endpoint's query parameters, from the same schema the handler parses them with. */
export function goalListParameters(): ParameterObject[] {
  const { properties = {} } = tidy(z.toJSONSchema(GoalListQuery, { io: 'input' })) as SchemaObject & {
    properties?: Record<string, SchemaObject>
  }
  return Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
}

/**
 * Drops what only adds noise to the document and the generated types: the
 * per-schema `$schema`/`$id`, regexes zod adds next to a `format`, and the
 * ±2^53 bounds zod puts on every integer.
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).filter(([key, child]) => {
    if (key === '$schema' || key === '$id') return false
    if (key === 'pattern' && 'format' in value) return false
    if ((key === 'minimum' || key === 'maximum') && Math.abs(Number(child)) === Number.MAX_SAFE_INTEGER) return false
    return true
  })
  return Object.fromEntries(entries.map(([key, child]) => [key, tidy(child)]))
}

// A variable, not an inline literal: openapi-typescript's SecuritySchemeObject
// lacks the spec's `bearerFormat`, and only inline literals get excess-property checks.
const bearerScheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const

const problemContent = (schema: string) => ({
  'application/problem+json': { schema: { $ref: uri(schema) } },
})

export function components(): ComponentsObject {
  return {
    schemas: schemas(),
    securitySchemes: { Bearer: bearerScheme },
    responses: {
      ValidationProblem: { description: 'The request failed validation.', content: problemContent('ValidationProblemDetails') },
      BearerChallenge: {
        description:
          'Missing or invalid access token. Empty body; the header says why, e.g. `Bearer error="invalid_token", error_description="The token expired at \'01/31/2025 10:00:00\'"`.',
        headers: { 'WWW-Authenticate': { schema: { type: 'string' }, required: true } },
      },
      CredentialsProblem: { description: 'The credentials or refresh token were not accepted.', content: problemContent('ProblemDetails') },
      NotFound: { description: 'No such resource for this account.', content: problemContent('ProblemDetails') },
      Conflict: { description: 'The request conflicts with existing state.', content: problemContent('ProblemDetails') },
      ContentTooLarge: { description: 'The body is over the size cap.', content: problemContent('ProblemDetails') },
      UnsupportedMediaType: { description: 'The body is not JSON.', content: problemContent('ProblemDetails') },
      TooManyRequests: {
        description: 'Over a per-client limit: failed sign-ins from this client or for this account, or registrations from this client.',
        headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' }, required: true } },
        content: problemContent('ProblemDetails'),
      },
      ServerError: {
        description: 'Unexpected error; only a traceId is returned. One injected by the demo controls says so in `detail`.',
        content: problemContent('ProblemDetails'),
      },
      DemoOutage: {
        description: "The account's demo controls have taken the API down.",
        headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' }, required: true } },
        content: problemContent('ProblemDetails'),
      },
    },
  }
}
