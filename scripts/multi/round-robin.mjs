// A small round-robin HTTP proxy for the multi-instance tests and benchmark:
// the load balancer in front of two `next start` instances, with no stickiness.
//   const balancer = await startRoundRobin({ upstreams: [{ name: 'a', url }, { name: 'b', url }] })
//   … fetch(`${balancer.url}/demo/goals`) …
//   await balancer.close()
// It does what a reverse proxy in front of the site does (keeps the client's
// Host, so redirects and Server Actions' origin check see the public address,
// and appends the client's address to X-Forwarded-For, so the instances run
// with TRUSTED_PROXY_HOPS=1)
// and two things only a test needs: PIN_HEADER sends a request to a chosen
// instance, and SERVED_BY_HEADER on the answer says which one answered.
import { Agent, createServer, request as httpRequest } from 'node:http'

/** Test only: `x-multi-instance: a` sends the request to instance a. Stripped before it goes on. */
export const PIN_HEADER = 'x-multi-instance'
/** On every answer: the name of the instance that answered. */
export const SERVED_BY_HEADER = 'x-multi-instance-served-by'

// Connection headers are hop-by-hop (RFC 9110 7.6.1): this hop's, not the next one's.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'])

/**
 * @param {{ upstreams: { name: string, url: string }[], host?: string, port?: number }} options
 * @returns {Promise<{ url: string, port: number, served: Record<string, number>, only: (name: string | null) => void, close: () => Promise<void> }>}
 */
export async function startRoundRobin({ upstreams, host = '127.0.0.1', port = 0 }) {
  const targets = new Map(upstreams.map(({ name, url }) => [name, new URL(url)]))
  const names = [...targets.keys()]
  // Keep-alive to each instance, as a load balancer keeps its upstream connections.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  /** @type {Record<string, number>} */
  const served = Object.fromEntries(names.map((name) => [name, 0]))
  let next = 0
  /** @type {string | null} */
  let onlyTo = null

  /** @type {import('node:http').RequestListener} */
  const handle = async (request, response) => {
    const pinned = header(request.headers[PIN_HEADER])
    if (pinned !== undefined && !targets.has(pinned)) return answer(response, 400, `${PIN_HEADER} names no instance: ${pinned}`)
    // 1. The body is read whole before the first attempt, so a retry can send it again.
    const body = await readBody(request).catch(() => null)
    if (!body) return void response.destroy()
    const headers = forwardedHeaders(request)

    // 2. The pinned instance, or the next in turn; on a refused connection, the others in turn.
    const first = pinned ?? onlyTo ?? names[next++ % names.length]
    const order = [first, ...names.filter((name) => name !== first)]
    for (const [attempt, name] of order.entries()) {
      try {
        const upstream = await send(targets.get(name), request, headers, body)
        served[name]++
        relay(upstream, response, name)
        return
      } catch (error) {
        // 3. Only a refused connection is retried: nothing reached that instance, so
        //    nothing can have happened twice. Anything later (a reset, a timeout) may
        //    have reached the app, and a non-idempotent request must not run again.
        const refused = /** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNREFUSED'
        if (!refused || pinned !== undefined || attempt === order.length - 1) {
          return answer(response, 502, `Instance ${name} did not answer: ${/** @type {Error} */ (error).message}`)
        }
      }
    }
  }
  const server = createServer(handle)
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  // `localhost` may resolve to ::1 first (a browser's does): the same port there too, where the machine has IPv6.
  const ipv6 = host === '127.0.0.1' ? await listenAlso(createServer(handle), '::1', address.port) : null

  function send(target, request, headers, body) {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, method: request.method, path: request.url, headers: withLength(headers, body), agent },
        resolve,
      )
      upstream.once('error', reject)
      upstream.end(body)
    })
  }

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    served,
    /** Every unpinned request to one instance (null: take turns again), for a one-instance phase. */
    only: (name) => {
      if (name !== null && !targets.has(name)) throw new Error(`No instance named ${name}`)
      onlyTo = name
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy()
        ipv6?.closeAllConnections()
        ipv6?.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Listens on `host` too, or resolves null where that address does not exist. */
function listenAlso(server, host, port) {
  return new Promise((resolve) => {
    server.once('error', () => resolve(null))
    server.listen(port, host, () => resolve(server))
  })
}

/** The request's headers as the instance should see them: this hop's own dropped, the client's address appended. */
function forwardedHeaders(request) {
  /** @type {Record<string, string | string[]>} */
  const headers = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== PIN_HEADER) headers[name] = value
  }
  // As nginx's $proxy_add_x_forwarded_for: whatever the client wrote, then the
  // address this proxy saw. An IPv4 client of a dual-stack socket is written as IPv4.
  const peer = (request.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  const written = header(request.headers['x-forwarded-for'])
  headers['x-forwarded-for'] = written ? `${written}, ${peer}` : peer
  return headers
}

/** The body goes on whole, so its length is known whatever framing the client used. */
function withLength(headers, body) {
  if (body.length === 0 && headers['content-length'] === undefined) return headers
  return { ...headers, 'content-length': String(body.length) }
}

function relay(upstream, response, name) {
  /** @type {Record<string, string | string[]>} */
  const headers = {}
  for (const [key, value] of Object.entries(upstream.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(key)) headers[key] = value
  }
  headers[SERVED_BY_HEADER] = name
  response.writeHead(upstream.statusCode ?? 502, upstream.statusMessage, headers)
  upstream.pipe(response)
  upstream.once('error', () => response.destroy())
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.once('end', () => resolve(Buffer.concat(chunks)))
    request.once('error', reject)
  })
}

/** A header's single value (a repeated one counts as its first). */
function header(value) {
  return Array.isArray(value) ? value[0] : value
}

/** A ProblemDetails answer from the balancer itself, as the site's own errors look. */
function answer(response, status, detail) {
  if (response.headersSent) return response.destroy()
  response.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' })
  response.end(JSON.stringify({ title: status === 502 ? 'Bad Gateway' : 'Bad Request', status, detail }))
}
