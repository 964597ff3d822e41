import type { z } from 'zod'
import { problem, validationProblem, zodErrorsToProblem } from './problem-details'

/**
 * Reads a JSON body the way ASP.NET Core's input formatter does: 415 for a
 * non-JSON content type, 400 for an empty or malformed body, 400 with field
 * errors when it does not match the schema. Failures are thrown as Responses,
 * which MSW sends as they are, so a handler reads like the happy path.
 */
export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (mediaType !== 'application/json' && !/^application\/[\w.-]+\+json$/.test(mediaType)) {
    throw problem(415, { detail: 'Send the body as application/json.' })
  }

  const text = await request.text()
  if (text.trim() === '') throw validationProblem({ '': ['A non-empty request body is required.'] })

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw validationProblem({ $: ['The JSON value could not be parsed.'] })
  }

  const result = schema.safeParse(json, { reportInput: true })
  if (!result.success) throw zodErrorsToProblem(result.error)
  return result.data
}
