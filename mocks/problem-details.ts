import { randomBytes } from 'node:crypto'
import type { z } from 'zod'

// The `type` and `title` ASP.NET Core's ProblemDetailsFactory uses for each status.
const defaults: Record<number, { type: string; title: string }> = {
  400: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'Bad Request' },
  401: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2', title: 'Unauthorized' },
  404: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5', title: 'Not Found' },
  405: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.6', title: 'Method Not Allowed' },
  409: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.10', title: 'Conflict' },
  413: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.14', title: 'Content Too Large' },
  415: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16', title: 'Unsupported Media Type' },
  429: { type: 'https://tools.ietf.org/html/rfc6585#section-4', title: 'Too Many Requests' },
  500: { type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1', title: 'An error occurred while processing your request.' },
  503: { type: 'https://tools.ietf.org/html/rfc9110#section-15.6.4', title: 'Service Unavailable' },
}

export const validationTitle = 'One or more validation errors occurred.'

/** W3C traceparent format, which is what ASP.NET Core puts in `traceId`. */
export function newTraceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`
}

interface ProblemOptions {
  detail?: string
  /** Pass one in when it is also logged, so the two can be matched. */
  traceId?: string
  title?: string
  errors?: Record<string, string[]>
  headers?: Record<string, string>
}

/** An `application/problem+json` response shaped like ASP.NET Core's ProblemDetails. */
export function problem(status: number, options: ProblemOptions = {}): Response {
  const known = defaults[status] ?? { type: 'about:blank', title: 'Error' }
  const body = {
    type: known.type,
    title: options.title ?? known.title,
    status,
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    ...(options.errors === undefined ? {} : { errors: options.errors }),
    traceId: options.traceId ?? newTraceId(),
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...options.headers },
  })
}

export function validationProblem(errors: Record<string, string[]>): Response {
  return problem(400, { title: validationTitle, errors })
}

/**
 * Turns zod issues into ASP.NET's `errors` dictionary. ASP.NET keys errors by
 * the model property, which is PascalCase in C# even though the JSON is camelCase.
 */
export function zodErrorsToProblem(error: z.ZodError): Response {
  const errors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.map((part) => pascalCase(String(part))).join('.') || '$'
    // A missing property gets ASP.NET's wording; needs `reportInput: true` when parsing.
    const missing = 'input' in issue && issue.input === undefined
    ;(errors[key] ??= []).push(missing ? `The ${key} field is required.` : issue.message)
  }
  return validationProblem(errors)
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/**
 * JwtBearer's challenge: 401 with an empty body. With no token at all the
 * header carries no error, exactly as ASP.NET Core sends it.
 */
export function bearerChallenge(failure?: { description?: string }): Response {
  let header = 'Bearer'
  if (failure) {
    header += ' error="invalid_token"'
    if (failure.description) header += `, error_description="${failure.description}"`
  }
  return new Response(null, { status: 401, headers: { 'WWW-Authenticate': header } })
}
