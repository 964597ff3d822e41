import { describe, expect, it } from 'vitest'
import { openApiDocument } from '@/mocks/openapi-document'
import { createTestApi } from './mock-client'

// `:id` in MSW, `{id}` in OpenAPI.
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')

describe('the OpenAPI document', () => {
  it('describes exactly the operations the handlers serve', () => {
    const { api } = createTestApi()
    const served = api.handlers
      // The 405 catch-alls match any method (a RegExp); they are not operations.
      .filter((handler) => typeof handler.info.method === 'string')
      .map((handler) => `${String(handler.info.method).toLowerCase()} ${toOpenApiPath(String(handler.info.path))}`)
    const documented = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method} ${path}`),
    )
    expect(documented.sort()).toEqual(served.sort())
  })

  it('names the schemas the generated client relies on', () => {
    expect(Object.keys(openApiDocument.components.schemas ?? {})).toEqual(
      expect.arrayContaining(['Goal', 'GoalPage', 'GoalStatus', 'User', 'LoginResponse', 'ProblemDetails', 'ValidationProblemDetails']),
    )
  })

  it('documents the cap on page size the handler enforces', () => {
    const pageSize = openApiDocument.paths['/api/goals'].get.parameters.find((p) => p.name === 'pageSize')
    expect(pageSize?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 50, default: 10 })
  })
})
