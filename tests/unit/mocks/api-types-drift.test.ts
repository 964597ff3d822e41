import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { openApiDocument } from '@/mocks/openapi-document'
import { apiTypesPath, renderApiTypes } from '@/mocks/render-api-types'

describe(apiTypesPath, () => {
  it('matches the mock\'s OpenAPI document (run `npm run api:types` if this fails)', async () => {
    const committed = await readFile(apiTypesPath, 'utf8')
    expect(committed === (await renderApiTypes(openApiDocument)), 'generated client types are stale').toBe(true)
  })
})
