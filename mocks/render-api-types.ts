import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'

/** Where the committed client types live; demos/lib/api's clients import `paths` from it. */
export const apiTypesPath = 'demos/lib/api/dotnet-api.d.ts'

/**
 * Renders TypeScript types for an OpenAPI document: the mock's own (the
 * default, and what is committed) or a real API's, given its URL. Pure, so the
 * drift test can render in memory and compare with the committed file.
 */
export async function renderApiTypes(source: OpenAPI3 | URL): Promise<string> {
  const from = source instanceof URL ? source.href : 'mocks/openapi-document.ts'
  const ast = await openapiTS(source, { silent: true })
  return `${header(from)}${astToString(ast)}`
}

function header(from: string): string {
  return [
    '/**',
    ` * Generated from ${from} by openapi-typescript. Do not edit by hand.`,
    ' * Regenerate with `npm run api:types`',
    ' * (or `npm run api:types -- --url https://…/swagger/v1/swagger.json` for a real API).',
    ' * tests/unit/mocks/api-types-drift.test.ts fails when this file is stale.',
    ' */',
    '',
    '',
  ].join('\n')
}
