import { http } from 'msw'
import { setupServer } from 'msw/node'
import type { DotnetApi } from './create-dotnet-api'

/**
 * For unit tests of code that calls the API with fetch (the BFF's server
 * client): intercepts every request under `origin` and answers it with the
 * same handlers, caps and ProblemDetails the site serves. Tests only; the Next
 * process serves the API through its route and never patches fetch.
 */
export function setupDotnetServer(api: DotnetApi, { origin = 'http://dotnet-api.test' } = {}) {
  return setupServer(http.all(`${origin}/*`, ({ request }) => api.handle(request)))
}
