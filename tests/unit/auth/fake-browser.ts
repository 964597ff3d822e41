import { setTimeout as sleep } from 'node:timers/promises'
import type { RefresherDeps } from '@/demos/lib/api/session-refresher'

/**
 * A stand-in for what the tabs of one browser share: the cookie jar (as one
 * "is the session fresh" flag and the current refresh token), the Web Locks
 * manager, and BroadcastChannel delivery with a delay the test chooses.
 */
export function createFakeBrowser({ refreshMs = 20, broadcastMs = 0, refuse = false } = {}) {
  const calls = { refresh: 0, probe: 0, presented: [] as string[] }
  const jar = { fresh: false, refreshToken: 'r0' }
  const server = { current: 'r0', revoked: false }
  let generation = 0

  const fetch: typeof globalThis.fetch = async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.endsWith('/api/auth/refresh')) {
      calls.refresh += 1
      const presented = jar.refreshToken
      calls.presented.push(presented)
      await sleep(refreshMs)
      // Reuse detection, as the API does it: a token other than the current one revokes.
      if (refuse || server.revoked || presented !== server.current) {
        server.revoked = true
        jar.fresh = false
        return new Response(null, { status: 401 })
      }
      server.current = jar.refreshToken = `r${++generation}`
      jar.fresh = true
      return new Response(null, { status: 204 })
    }
    if (url.endsWith('/api/proxy/users/me')) calls.probe += 1
    return new Response(jar.fresh ? '{}' : null, { status: jar.fresh ? 200 : 401 })
  }

  const listeners = new Set<{ owner: object; listener: (event: MessageEvent) => void }>()
  function channel(): NonNullable<RefresherDeps['channel']> {
    const owner = {}
    return {
      postMessage(data: unknown) {
        for (const entry of listeners) {
          if (entry.owner !== owner) setTimeout(() => entry.listener(new MessageEvent('message', { data })), broadcastMs)
        }
      },
      addEventListener(_type: string, listener: unknown) {
        listeners.add({ owner, listener: listener as (event: MessageEvent) => void })
      },
    } as NonNullable<RefresherDeps['channel']>
  }

  let held = false
  const queue: (() => void)[] = []
  const locks = {
    async request(name: string, ...args: unknown[]) {
      const [options, callback] = (args.length === 2 ? args : [{}, args[0]]) as [{ ifAvailable?: boolean }, (lock: unknown) => unknown]
      if (held) {
        if (options.ifAvailable) return callback(null)
        await new Promise<void>((resolve) => queue.push(resolve))
      } else {
        held = true
      }
      try {
        return await callback({ name, mode: 'exclusive' })
      } finally {
        const next = queue.shift()
        if (next) next()
        else held = false
      }
    },
  } as unknown as NonNullable<RefresherDeps['locks']>

  return { fetch, channel, locks, calls, jar, server, expire: () => void (jar.fresh = false) }
}
