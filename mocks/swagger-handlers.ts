import { http, HttpResponse } from 'msw'
import { openApiDocument } from './openapi-document'

// Where ASP.NET Core 9+ serves its document (Microsoft.AspNetCore.OpenApi), and
// where Swashbuckle did; the C# API serves both, and tools pointed at either work here too.
export const openApiPath = '/openapi/v1.json'
export const swaggerPath = '/swagger/v1/swagger.json'

export function swaggerHandlers() {
  return [openApiPath, swaggerPath].map((path) => http.get(path, () => HttpResponse.json(openApiDocument)))
}
