import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { openApiDocument } from '../mocks/openapi-document'
import { apiTypesPath, renderApiTypes } from '../mocks/render-api-types'

// npm run api:types                      → types from the mock's document
// npm run api:types -- --url <swagger>   → types from a running API instead
const { values } = parseArgs({ options: { url: { type: 'string' } } })

const source = values.url ? new URL(values.url) : openApiDocument
await writeFile(apiTypesPath, await renderApiTypes(source))
console.log(`Wrote ${apiTypesPath} from ${values.url ?? 'mocks/openapi-document.ts'}`)
