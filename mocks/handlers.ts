import { http, type HttpHandler } from 'msw'
import type { ApiContext } from './api-context'
import { authHandlers } from './auth-handlers'
import { demoControlsHandlers } from './demo-controls-handlers'
import { demoSessionHandlers } from './demo-session-handlers'
import { attachmentHandlers } from './attachment-handlers'
import { goalHandlers } from './goal-handlers'
import { uploadHandlers } from './upload-handlers'
import { swaggerHandlers } from './swagger-handlers'
import { userHandlers } from './user-handlers'
import { problem } from './problem-details'

/** The whole API. Paths are relative; callers resolve them with getResponse's `baseUrl`. */
export function createHandlers(ctx: ApiContext): HttpHandler[] {
  const routes = [
    ...authHandlers(ctx),
    ...userHandlers(ctx),
    ...goalHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...uploadHandlers(ctx),
    ...demoControlsHandlers(ctx),
    ...demoSessionHandlers(ctx),
    ...swaggerHandlers(),
  ]
  return [...routes, ...methodNotAllowedHandlers(routes)]
}

/**
 * One catch-all per known path, placed after the real handlers, so a known
 * path with the wrong method gets 405 and an `Allow` header derived from the
 * handlers themselves rather than from a second list that could drift.
 */
function methodNotAllowedHandlers(routes: HttpHandler[]): HttpHandler[] {
  const methodsByPath = new Map<string, string[]>()
  for (const { info } of routes) {
    const path = String(info.path)
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), String(info.method)])
  }
  return [...methodsByPath].map(([path, methods]) =>
    http.all(path, () => problem(405, { headers: { Allow: methods.join(', ') } })),
  )
}
