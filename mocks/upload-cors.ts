import type { MockConfig } from './mock-config'

/** Only what the upload sends: the file's type and the grant's token. */
export const uploadAllowedHeaders = ['Content-Type', 'X-Upload-Token']
const preflightMaxAgeSeconds = 600

/**
 * CORS for the upload endpoint alone, answering as ASP.NET Core's CORS
 * middleware does with the "Uploads" policy (dotnet/Api/Attachments/UploadCors.cs):
 * one allowed origin, PUT, the two headers above, no credentials. The answer
 * states the policy and the browser enforces it: another origin gets a 204
 * without Access-Control-Allow-Origin, and a request for another header (say
 * Authorization) gets the policy's list, which lacks it, so the browser stops.
 */
export function createUploadCors({ allowedOrigin }: Pick<MockConfig, 'allowedOrigin'>) {
  const isAllowed = (origin: string | null) => origin !== null && origin === allowedOrigin

  function preflight(request: Request): Response {
    const origin = request.headers.get('origin')
    if (!isAllowed(origin)) return new Response(null, { status: 204 })
    return new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': origin!,
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': uploadAllowedHeaders.join(','),
        'Access-Control-Max-Age': String(preflightMaxAgeSeconds),
      },
    })
  }

  /** The actual request's answer, readable by the allowed origin's page (its status, its Location). */
  function withCors(request: Request, response: Response): Response {
    const origin = request.headers.get('origin')
    if (!isAllowed(origin)) return response
    const headers = new Headers(response.headers)
    headers.set('Access-Control-Allow-Origin', origin!)
    headers.set('Access-Control-Expose-Headers', 'Location')
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }

  return { preflight, withCors }
}
