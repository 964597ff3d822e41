import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string }

/**
 * Sends a request byte for byte, as `curl --path-as-is` would: Playwright's
 * client, like a browser, resolves `..` and `\` and merges duplicate headers.
 * Header values given as arrays go out as separate header lines; a body given
 * as an array goes out chunk by chunk, with no Content-Length.
 * `localAddress` picks the loopback address the request comes from
 * (127.0.0.0/8 is all loopback), so a test can be a client of its own.
 */
export function rawRequest(
  baseURL: string,
  path: string,
  { method = 'GET', headers = {} as OutgoingHttpHeaders, body = '' as string | string[], localAddress = undefined as string | undefined } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL)
  return new Promise((resolve, reject) => {
    // Connect to 127.0.0.1 rather than `localhost` when binding a source address, so the families match.
    const host = localAddress ? '127.0.0.1' : hostname
    const req = httpRequest({ hostname: host, port, path, method, headers, localAddress }, (res) => {
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
