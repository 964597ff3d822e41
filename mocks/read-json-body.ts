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

  // System.Text.Json's default MaxDepth. Deeper input is refused before the
  // schema walks it: zod recurses, and 3,000 levels overflow the stack.
  if (depthOf(json) > maxJsonDepth) {
    throw validationProblem({ $: [`The JSON value is nested deeper than the maximum depth of ${maxJsonDepth}.`] })
  }

  const result = schema.safeParse(json, { reportInput: true })
  if (!result.success) throw zodErrorsToProblem(result.error)
  return result.data
}

export const maxJsonDepth = 64

/** Nesting depth of a parsed JSON value, without recursion (the input may be hostile). */
function depthOf(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > maxJsonDepth) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}
