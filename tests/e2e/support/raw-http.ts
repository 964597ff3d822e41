import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string }

/**
 * Sends a request byte for byte, as `curl --path-as-is` would: Playwright's
 * client, like a browser, resolves `..` and `\` and merges duplicate headers.
 * Header values given as arrays go out as separate header lines; a body given
 * as an array goes out chunk by chunk, with no Content-Length.
 */
export function rawRequest(baseURL: string, path: string, { method = 'GET', headers = {} as OutgoingHttpHeaders, body = '' as string | string[] } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    for (const chunk of typeof body === 'string' ? [body] : body) if (chunk) req.write(chunk)
    req.end()
  })
}
