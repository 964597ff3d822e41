import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_COOKIE, REFRESH_COOKIE } from '@/demos/lib/auth/cookie-options'
import { proxy } from '@/proxy'
import { browserRequest, setCookies, startApi, withExp } from './bff-refresh-kit'

let api: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  api = await startApi({ refreshFamilySeconds: 60 })
})
afterAll(() => api.server.close())

const page = (cookies: { access?: string; refresh?: string }) => proxy(browserRequest('/demo/goals?page=2', cookies))

/** The Cookie header Server Components of the same request will read (NextResponse.next's request override). */
const forwardedCookie = (response: Response) => response.headers.get('x-middleware-request-cookie') ?? ''
const cookieValue = (line: string | undefined) => line?.split(';')[0].split('=').slice(1).join('=')

describe('proxy.ts: proactive refresh', () => {
  it('lets a token with time left through, untouched, with x-bff-path', async () => {
    const { accessToken, refreshToken } = await api.signIn()
    const before = api.refreshes.length
    const response = await page({ access: accessToken, refresh: refreshToken })
    expect(response.headers.get('x-middleware-next')).toBe('1')
    expect(response.headers.get('x-middleware-request-x-bff-path')).toBe('/demo/goals?page=2')
    expect(response.headers.getSetCookie()).toEqual([])
    expect(api.refreshes.length).toBe(before)
  })

  it.each([
    ['missing', () => undefined],
    ['expired', (token: string) => withExp(token, -60)],
    ['expiring within 30 seconds', (token: string) => withExp(token, 20)],
  ])('refreshes once when the access token is %s, for the browser and for this render', async (_, access) => {
    const { accessToken, refreshToken } = await api.signIn()
    const before = api.refreshes.length
    const response = await page({ access: access(accessToken), refresh: refreshToken })

    // 1. One exchange at the API, with the browser's address.
    expect(api.refreshes.length).toBe(before + 1)
    expect(api.refreshes.at(-1)).toBe('203.0.113.7')
    // 2. The browser gets both new cookies.
    const cookies = setCookies(response)
    const newAccess = cookieValue(cookies[ACCESS_COOKIE])!
    const newRefresh = cookieValue(cookies[REFRESH_COOKIE])!
    expect(newRefresh).not.toBe(refreshToken)
    expect((await api.session(newAccess)).rotations).toBe(1)
    // 3. Server Components rendering in this request read the new ones too.
    expect(response.headers.get('x-middleware-next')).toBe('1')
    expect(forwardedCookie(response)).toContain(`${ACCESS_COOKIE}=${newAccess}`)
    expect(forwardedCookie(response)).toContain(`${REFRESH_COOKIE}=${newRefresh}`)
    expect(response.headers.get('x-middleware-request-x-bff-path')).toBe('/demo/goals?page=2')
  })

  it('sends the reader to sign in, with the way back, when there is nothing to refresh with', async () => {
    const response = await page({})
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('http://bff.test/demo/login?callbackUrl=%2Fdemo%2Fgoals%3Fpage%3D2')
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('after the absolute lifetime: refresh fails, both cookies are cleared, the reader signs in', async () => {
    const { accessToken, refreshToken } = await api.signIn()
    api.advance(61)
    const response = await page({ access: withExp(accessToken, -1), refresh: refreshToken })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('http://bff.test/demo/login?callbackUrl=%2Fdemo%2Fgoals%3Fpage%3D2')
    const cookies = setCookies(response)
    expect(cookies[ACCESS_COOKIE]).toMatch(/Max-Age=0/)
    expect(cookies[REFRESH_COOKIE]).toMatch(/Max-Age=0/)
  })

  it('keeps the cookies when the API cannot be reached, and still sends the reader to sign in', async () => {
    process.env.DOTNET_API_URL = 'http://127.0.0.1:9'
    try {
      const response = await page({ refresh: 'some-refresh-token' })
      expect(response.status).toBe(307)
      expect(response.headers.getSetCookie()).toEqual([])
    } finally {
      process.env.DOTNET_API_URL = api.server.url
    }
  })

  it('leaves a token it cannot read to the DAL', async () => {
    const response = await page({ access: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.', refresh: 'unused' })
    expect(response.headers.get('x-middleware-next')).toBe('1')
    expect(response.headers.getSetCookie()).toEqual([])
  })
})

describe('proxy.ts: a file download is a navigation too', () => {
  const download = (path: string, cookies: { access?: string; refresh?: string }) => proxy(browserRequest(path, cookies))
  const file = '/api/proxy/goals/0b6f1c52-3f47-4c1e-9d2a-5b8e2f0c9a11/attachments/7d1e4c9a-2b3f-4a5d-8e6f-1a2b3c4d5e6f'

  it('refreshes an expired access token before the proxy forwards the download, so the file is not a saved 401', async () => {
    const { accessToken, refreshToken } = await api.signIn()
    const before = api.refreshes.length
    const response = await download(file, { access: withExp(accessToken, -60), refresh: refreshToken })
    expect(api.refreshes.length).toBe(before + 1)
    const newAccess = cookieValue(setCookies(response)[ACCESS_COOKIE])!
    expect(forwardedCookie(response)).toContain(`${ACCESS_COOKIE}=${newAccess}`)
    expect(response.headers.get('x-middleware-next')).toBe('1')
  })

  it('leaves the rest of the proxy alone: the typed client refreshes those itself', async () => {
    const { accessToken, refreshToken } = await api.signIn()
    const before = api.refreshes.length
    for (const path of [file.replace(/\/attachments\/.*/, '/attachments'), '/api/proxy/goals', `${file}/extra`]) {
      const response = await download(path, { access: withExp(accessToken, -60), refresh: refreshToken })
      expect(response.headers.getSetCookie(), path).toEqual([])
    }
    expect(api.refreshes.length).toBe(before)
  })
})
