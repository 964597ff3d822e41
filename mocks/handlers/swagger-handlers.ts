import { http, HttpResponse } from 'msw'
import { openApiDocument } from '../openapi-document'

// Where Swashbuckle serves the document by default, so tools pointed at a real API work here too.
export const swaggerPath = '/swagger/v1/swagger.json'

export function swaggerHandlers() {
  return [http.get(swaggerPath, () => HttpResponse.json(openApiDocument))]
}
