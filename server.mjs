// The site's HTTP server: `next start`, plus the one fact Next.js does not pass
// on. A route handler never sees the TCP peer, and `next start` keeps an
// X-Forwarded-For header the client wrote, so without this every per-address
// limit would key on a value the client chooses (issue: spoofed client address).
//
//   npm start                       # PORT (default 3000), HOST (default all interfaces)
//
// Policy lives in the app (demos/lib/http/client-address.ts decides how many
// forwarding hops to trust); this file only reports the socket address, and
// refuses the methods that Next.js cannot even represent.
import { createServer } from 'node:http'
import next from 'next'

const SOCKET_ADDRESS_HEADER = 'x-socket-address'
// fetch's Request throws on TRACE, so inside Next.js it was a 500. (Node's
// parser refuses TRACK with a 400 itself, and hands CONNECT to a 'connect'
// listener, closing the socket when there is none.)
const UNREPRESENTABLE_METHODS = new Set(['TRACE'])
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST || undefined

const app = next({ dev: false, port })
const handle = app.getRequestHandler()
await app.prepare()

// Tells the app that SOCKET_ADDRESS_HEADER was written here, so it can trust it.
globalThis[Symbol.for('bff-reference.socket-address-header')] = SOCKET_ADDRESS_HEADER

const server = createServer((request, response) => {
  if (UNREPRESENTABLE_METHODS.has(request.method ?? '')) return methodNotAllowed(response)
  // Overwrites whatever a client sent under the same name.
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? ''
  handle(request, response)
})
server.listen(port, host, () => {
  console.log(`> Ready on http://${host ?? 'localhost'}:${port}`)
})

function methodNotAllowed(response) {
  const body = JSON.stringify({
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
    title: 'Method Not Allowed',
    status: 405,
  })
  response.writeHead(405, {
    Allow: ALLOWED_METHODS,
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(body)
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close()
    app.close().finally(() => process.exit(0))
  })
}
