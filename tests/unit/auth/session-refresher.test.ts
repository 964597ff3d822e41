import { describe, expect, it, vi } from 'vitest'
import { createSessionRefresher } from '@/demos/lib/api/session-refresher'
import { createFakeBrowser } from './fake-browser'

type Browser = ReturnType<typeof createFakeBrowser>

function tab(browser: Browser, { withLocks = true } = {}) {
  const onSignedOut = vi.fn()
  const refresher = createSessionRefresher({
    fetch: browser.fetch,
    locks: withLocks ? browser.locks : undefined,
    channel: browser.channel(),
    onSignedOut,
  })
  return { refresher, onSignedOut }
}

const times = (n: number) => Array.from({ length: n })

describe('the browser refresh, within one tab', () => {
  it('shares one refresh among 20 requests that failed together', async () => {
    const browser = createFakeBrowser()
    const { refresher } = tab(browser)
    const sentWith = refresher.current()
    const outcomes = await Promise.all(times(20).map(() => refresher.afterUnauthorized(sentWith)))
    expect(outcomes).toEqual(times(20).map(() => 'refreshed'))
    expect(browser.calls.refresh).toBe(1)
  })

  it('does not refresh again for a 401 that lands after a refresh finished', async () => {
    const browser = createFakeBrowser()
    const { refresher } = tab(browser)
    const sentWith = refresher.current()
    await refresher.afterUnauthorized(sentWith)
    // This request left before the refresh, with the old cookies; its 401 arrives now.
    expect(await refresher.afterUnauthorized(sentWith)).toBe('refreshed')
    expect(browser.calls.refresh).toBe(1)
  })

  it('signs out once when the refresh is refused, however many requests wait', async () => {
    const browser = createFakeBrowser({ refuse: true })
    const { refresher, onSignedOut } = tab(browser)
    const outcomes = await Promise.all(times(20).map(() => refresher.afterUnauthorized(0)))
    expect(new Set(outcomes)).toEqual(new Set(['signed-out']))
    expect(browser.calls.refresh).toBe(1)
    expect(onSignedOut).toHaveBeenCalledOnce()
  })

  it('still refreshes once per tab without the Web Locks API', async () => {
    const browser = createFakeBrowser()
    const { refresher } = tab(browser, { withLocks: false })
    await Promise.all(times(5).map(() => refresher.afterUnauthorized(0)))
    expect(browser.calls.refresh).toBe(1)
  })
})

describe('the browser refresh, across tabs', () => {
  it('lets one tab refresh; the other sees the broadcast and presents no token', async () => {
    const browser = createFakeBrowser({ refreshMs: 30, broadcastMs: 0 })
    const [a, b] = [tab(browser), tab(browser)]
    const outcomes = await Promise.all([a.refresher.afterUnauthorized(0), b.refresher.afterUnauthorized(0)])
    expect(outcomes).toEqual(['refreshed', 'refreshed'])
    expect(browser.calls.refresh).toBe(1)
    expect(browser.server.revoked).toBe(false)
  })

  it('checks the shared cookies when the broadcast is late, instead of rotating again', async () => {
    const browser = createFakeBrowser({ refreshMs: 30, broadcastMs: 200 })
    const [a, b] = [tab(browser), tab(browser)]
    const outcomes = await Promise.all([a.refresher.afterUnauthorized(0), b.refresher.afterUnauthorized(0)])
    expect(outcomes).toEqual(['refreshed', 'refreshed'])
    expect(browser.calls).toMatchObject({ refresh: 1, probe: 1 })
    expect(b.refresher.current()).toBe(1)
  })

  it('never presents the same refresh token twice, even with many tabs', async () => {
    const browser = createFakeBrowser({ refreshMs: 10, broadcastMs: 50 })
    const tabs = times(5).map(() => tab(browser))
    await Promise.all(tabs.flatMap(({ refresher }) => times(4).map(() => refresher.afterUnauthorized(0))))
    expect(new Set(browser.calls.presented).size).toBe(browser.calls.presented.length)
    expect(browser.server.revoked).toBe(false)
    for (const { onSignedOut } of tabs) expect(onSignedOut).not.toHaveBeenCalled()
  })

  it('without coordination, two tabs present the same token and reuse detection signs the reader out', async () => {
    // The failure the locks prevent (and the API's overlap window softens).
    const browser = createFakeBrowser({ refreshMs: 30 })
    const [a, b] = [tab(browser, { withLocks: false }), tab(browser, { withLocks: false })]
    await Promise.all([a.refresher.afterUnauthorized(0), b.refresher.afterUnauthorized(0)])
    expect(browser.calls.presented).toEqual(['r0', 'r0'])
    expect(browser.server.revoked).toBe(true)
  })
})
