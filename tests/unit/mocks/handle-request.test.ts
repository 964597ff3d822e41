import { getResponse, http } from 'msw'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { canonicalOrigin, createRequestHandler } from '@/mocks/handle-request'
import { setupDotnetServer } from '@/mocks/node'
import { demoAccount } from '@/mocks/store'
import { createTestApi } from './mock-client'

describe('the handlers are the API', () => {
  it('answer directly through getResponse with a baseUrl, as handle() calls them', async () => {
    const { api } = createTestApi()
    const request = new Request(`${canonicalOrigin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoAccount.email, password: demoAccount.password }),
    })
    const response = await getResponse(api.handlers, request, { baseUrl: canonicalOrigin })
    expect(response?.status).toBe(200)
  })

  describe('through setupServer, for code that calls the API with fetch', () => {
    const { api } = createTestApi()
    const server = setupDotnetServer(api, { origin: 'http://api.example.test' })
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => server.close())

    it('serves the same endpoints and errors', async () => {
      const response = await fetch('http://api.example.test/api/goals')
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
    })
  })
})

describe('handle()', () => {
  it('strips its mount path and points Location at the mounted path, never at a host the request named', async () => {
    const mock = createTestApi()
    const { accessToken } = await (await mock.login(demoAccount.email, demoAccount.password)).json()
    const response = await mock.api.handle(
      new Request('https://site.test/dotnet/api/goals', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'x-forwarded-proto': 'gopher', 'x-forwarded-host': 'evil.example' },
        body: JSON.stringify({ title: 'Mounted' }),
      }),
      { basePath: '/dotnet' },
    )
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toMatch(/^\/dotnet\/api\/goals\/[0-9a-f-]{36}$/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect((await mock.api.handle(new Request('https://site.test/elsewhere'), { basePath: '/dotnet' })).status).toBe(404)
  })

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const mock = createTestApi()
    const response = await mock.send('PUT', '/api/goals')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST')
  })

  it('refuses an oversized body by its declared length and by the bytes actually sent', async () => {
    const mock = createTestApi({ maxBodyBytes: 100 })
    const declared = await mock.api.handle(
      new Request('http://api.test/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '101' },
        body: 'x',
      }),
    )
    expect(declared.status).toBe(413)

    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(40).fill(32))
        controller.close()
      },
    })
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamed, duplex: 'half' }
    const counted = await mock.api.handle(new Request('http://api.test/api/auth/login', init))
    expect(counted.status).toBe(413)
  })

  it('turns an exception into a 500 carrying only a traceId', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const handle = createRequestHandler({
      knownProxies: [],
      handlers: [
        http.get('/boom', () => {
          throw new Error('secret stack detail')
        }),
      ],
      maxBodyBytes: 1024,
    })
    const response = await handle(new Request('http://api.test/boom'))
    const text = await response.text()
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    expect(text).not.toContain('secret')
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['status', 'title', 'traceId', 'type'])
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })

  it('answers malformed JSON and the wrong content type with 400 and 415', async () => {
    const mock = createTestApi()
    const malformed = await mock.api.handle(
      new Request('http://api.test/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    )
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).errors).toEqual({ $: ['The JSON value could not be parsed.'] })
    const plain = await mock.api.handle(new Request('http://api.test/api/auth/login', { method: 'POST', body: 'x' }))
    expect(plain.status).toBe(415)
  })
})
