// The site's HTTP server: `next start`, plus the one fact Next.js does not pass
// on. A route handler never sees the TCP peer, and `next start` keeps an
// X-Forwarded-For header the client wrote, so without this every per-address
// limit would key on a value the client chooses (issue: spoofed client address).
//
//   npm start                       # PORT (default 3000), HOST (default all interfaces)
//
// Policy lives in the app (demos/lib/http/client-address.ts decides how many
// forwarding hops to trust); this file only reports the socket address,
// refuses the methods that Next.js cannot even represent, and compresses.
import { createServer } from 'node:http'
import { constants } from 'node:zlib'
import compression from 'compression'
import next from 'next'

const SOCKET_ADDRESS_HEADER = 'x-socket-address'
// fetch's Request throws on TRACE, so inside Next.js it was a 500. (Node's
// parser refuses TRACK with a 400 itself, and hands CONNECT to a 'connect'
// listener, closing the socket when there is none.)
const UNREPRESENTABLE_METHODS = new Set(['TRACE'])
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST || undefined
// How long a stopping server waits for the requests it has begun. Below the
// usual 30 s a platform waits between SIGTERM and SIGKILL.
const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS) > 0 ? Number(process.env.SHUTDOWN_DRAIN_MS) : 20_000

const app = next({ dev: false, port })
const handle = app.getRequestHandler()
await app.prepare()

// Brotli where the browser takes it, else gzip; next.config.mjs turns Next's
// own gzip-only compression off. A phone on a slow network receives a page in
// round trips of 14.6 KB first, then 29 KB: the smaller the HTML, the fewer trips
// before the first paint (the Measured page). Quality 6, nginx's brotli default,
// as the docs pages' HTML goes: 20-30% smaller than gzip, in 1-12 ms a page; 11
// saves 10-15% more but takes 0.1-1 s, too slow to pay on each request. Next.js
// flushes each chunk it streams, so a streamed page is not held back.
const compress = compression({ brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } } })

// Tells the app that SOCKET_ADDRESS_HEADER was written here, so it can trust it.
globalThis[Symbol.for('bff-reference.socket-address-header')] = SOCKET_ADDRESS_HEADER

let stopping = false
// Responses not yet finished, so a stop can ask their clients not to send the next request here.
const inProgress = new Set()

const server = createServer((request, response) => {
  inProgress.add(response)
  response.once('close', () => inProgress.delete(response))
  if (stopping) response.setHeader('Connection', 'close')
  if (UNREPRESENTABLE_METHODS.has(request.method ?? '')) return methodNotAllowed(response)
  // Overwrites whatever a client sent under the same name.
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? ''
  compress(request, response, () => handle(request, response))
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

// A deploy or a scale-down stops an instance with SIGTERM while readers are
// mid-request: a sign-in, a refresh whose new cookies must reach the browser,
// an upload. Exiting at once cuts them off. Instead:
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop(signal))

function stop(signal) {
  stopping = true
  console.log(`> ${signal}: finishing the requests in progress (at most ${drainMs / 1000} s), then stopping`)
  // 1. Take no new connection. Idle keep-alive connections close now; busy
  //    ones once their response is sent, which asks the client to reconnect
  //    (to another instance, behind a balancer) for its next request.
  const drained = new Promise((resolve) => server.close(resolve))
  for (const response of inProgress) if (!response.headersSent) response.setHeader('Connection', 'close')
  // 2. A request still running at the deadline is cut off, rather than holding
  //    the stop past the platform's patience: it would SIGKILL anyway.
  const deadline = setTimeout(() => {
    console.log(`> ${drainMs / 1000} s passed: closing the connections still open`)
    server.closeAllConnections()
  }, drainMs)
  // 3. Then the app's own resources, and exit.
  drained
    .then(() => app.close())
    .finally(() => {
      clearTimeout(deadline)
      process.exit(0)
    })
}
