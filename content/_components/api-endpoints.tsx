import { openApiDocument } from '@/mocks/openapi-document'
import { ServerHtml } from '@/site/components/server-html'

type Operation = { summary?: string; security?: unknown[]; responses?: Record<string, unknown> }
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/**
 * The endpoint table, rendered at build time from the same OpenAPI document the
 * mock serves at /dotnet/swagger/v1/swagger.json, so it cannot drift from it.
 */
export function ApiEndpoints() {
  const rows = Object.entries(openApiDocument.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  )
  return (
    <ServerHtml>
      <table>
        <thead>
          <tr>
            <th>Method</th>
            <th>Path</th>
            <th>What it does</th>
            <th>Bearer</th>
            <th>Status codes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ path, method, operation }) => (
            <tr key={`${method} ${path}`}>
              <td><code>{method.toUpperCase()}</code></td>
              <td><code>{path}</code></td>
              <td>{operation.summary}</td>
              <td>{operation.security?.length === 0 ? 'no' : 'yes'}</td>
              <td>{Object.keys(operation.responses ?? {}).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ServerHtml>
  )
}
