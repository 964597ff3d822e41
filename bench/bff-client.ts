// A minimal browser stand-in for the benchmarks: it talks to the BFF the way
// the site's own script does (same-origin routes, X-CSRF on mutations) and
// keeps the httpOnly cookies the BFF sets, which a benchmark may read.
import { Agent, request } from 'node:http'

export type Tokens = { access: string; refresh: string }

// One keep-alive pool per client, like one browser holding its connections.
const agent = new Agent({ keepAlive: true, maxSockets: 256 })

export type BffAnswer = { status: number; body: string; ms: number; setCookies: string[] }

/** One HTTP exchange; resolves with status and body (never rejects on a 4xx/5xx). */
export function send(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<BffAnswer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
  const allHeaders: Record<string, string> = { accept: 'application/json', ...headers }
  if (payload) Object.assign(allHeaders, { 'content-type': 'application/json', 'content-length': String(payload.length) })
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: allHeaders, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'] ?? []
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started, setCookies: setCookie })
      })
      res.on('error', reject)
    })
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${url} timed out`)))
    req.on('error', reject)
    req.end(payload)
  })
}

/** The BFF's cookies as a `Cookie` header, updated from every answer's Set-Cookie. */
export class CookieJar {
  private cookies = new Map<string, string>()
  take(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
  entries(): [name: string, value: string][] {
    return [...this.cookies]
  }
  get(suffix: string): string | undefined {
    for (const [name, value] of this.cookies) if (name.endsWith(suffix)) return value
    return undefined
  }
}

export const CSRF = { 'x-csrf': '1' }

/** Registers a fresh account through the BFF (as the demo's button does) and returns its signed-in jar. */
export async function registerThroughBff(baseUrl: string, email: string, password = 'benchmark-password'): Promise<CookieJar> {
  const jar = new CookieJar()
  const answer = await send(`${baseUrl}/api/auth/register`, { method: 'POST', headers: CSRF, body: { name: 'Benchmark user', email, password } })
  if (answer.status !== 201) throw new Error(`register ${email}: ${answer.status} ${answer.body}`)
  jar.take(answer.setCookies)
  return jar
}

export function closeClient() {
  agent.destroy()
}
