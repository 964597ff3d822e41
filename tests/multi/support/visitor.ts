import { randomInt, randomUUID } from 'node:crypto'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { CookieJar, CSRF } from '../../../bench/bff-client'
// @ts-expect-error -- a plain ES module script with JSDoc types; it has no declaration file
import { PIN_HEADER, SERVED_BY_HEADER } from '../../../scripts/multi/round-robin.mjs'

export type Instance = 'a' | 'b'
export const INSTANCES: Instance[] = ['a', 'b']
export { CSRF }

export type Answer = { status: number; headers: IncomingHttpHeaders; body: string; servedBy: string; setCookies: string[] }

/** The round-robin in front of both instances, as scripts/multi/test-multi.mjs started it. */
export function balancerUrl(): string {
  const url = process.env.MULTI_BASE_URL
  if (!url) throw new Error('MULTI_BASE_URL is not set: run these tests with `npm run test:multi`, which starts the instances.')
  return url
}

/** The signing key both instances share, so a test can forge a token they accept. */
export function signingKey(): string {
  const key = process.env.MULTI_JWT_SIGNING_KEY
  if (!key) throw new Error('MULTI_JWT_SIGNING_KEY is not set: run these tests with `npm run test:multi`.')
  return key
}

/** Sends every request of a browser context to one instance (the balancer strips the header). */
export const pinTo = (instance: Instance) => ({ [PIN_HEADER as string]: instance })

/**
 * One client of the site, as the balancer sees it: its own loopback address
 * (127.0.0.0/8 is all loopback), so per-address limits count it alone, and its
 * own cookies, kept from every answer as a browser keeps them.
 */
export class Visitor {
  readonly jar = new CookieJar()
  readonly address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`
  readonly email = `multi-${randomUUID()}@example.com`

  /** One request through the balancer, to the instance `on` names, or to whichever is next in turn. */
  send(path: string, { on, method = 'GET', headers = {}, body, cookies = this.jar.header() }: { on?: Instance; method?: string; headers?: Record<string, string>; body?: unknown; cookies?: string } = {}): Promise<Answer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const { host, port } = new URL(balancerUrl())
    // To 127.0.0.1, so the source address (IPv4) and the destination are one family; Host as a browser sends it.
    const all: Record<string, string> = { host, accept: 'application/json, text/html', ...headers, ...(on && pinTo(on)) }
    if (cookies) all.cookie = cookies
    if (payload) Object.assign(all, { 'content-type': 'application/json', 'content-length': String(payload.length) })
    return new Promise((resolve, reject) => {
      const request = httpRequest({ hostname: '127.0.0.1', port, path, method, headers: all, localAddress: this.address }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const setCookies = response.headers['set-cookie'] ?? []
          this.jar.take(setCookies)
          const servedBy = String(response.headers[SERVED_BY_HEADER as string] ?? '')
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), servedBy, setCookies })
        })
        response.on('error', reject)
      })
      request.on('error', reject)
      request.end(payload)
    })
  }

  /** Registers a private account through the BFF (as the demo's button does) on `on`; the jar then holds its cookies. */
  async register(on: Instance): Promise<Answer> {
    const answer = await this.send('/api/auth/register', { on, method: 'POST', headers: CSRF, body: { name: 'Multi-instance visitor', email: this.email, password: 'multi-instance-password' } })
    if (answer.status !== 201) throw new Error(`register on ${on}: ${answer.status} ${answer.body}`)
    return answer
  }

  cookie(suffix: 'bff.access' | 'bff.refresh'): string {
    const value = this.jar.get(suffix)
    if (!value) throw new Error(`no ${suffix} cookie`)
    return value
  }

  /** The Cookie header with the access and refresh tokens replaced, the way a stale or stolen copy would look. */
  cookiesWith({ access, refresh }: { access?: string; refresh?: string }): string {
    return this.jar
      .entries()
      .map(([name, value]) => `${name}=${name.endsWith('bff.access') && access ? access : name.endsWith('bff.refresh') && refresh ? refresh : value}`)
      .join('; ')
  }
}

/** The refresh token an answer set, if it set one. */
export function refreshCookieSet(answer: Answer): string | undefined {
  for (const line of answer.setCookies) {
    const [pair] = line.split(';')
    const at = pair.indexOf('=')
    if (pair.slice(0, at).trim().endsWith('bff.refresh')) return pair.slice(at + 1).trim() || undefined
  }
  return undefined
}
