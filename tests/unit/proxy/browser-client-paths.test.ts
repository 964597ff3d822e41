import { afterEach, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllGlobals()
})

// The typed client names the API's own paths (`/api/goals`); each request goes
// to the proxy route that stands for it (demos/lib/proxy/proxy-paths.ts).
it('sends API paths to /api/proxy/<rest>, with the anti-forgery header on writes', async () => {
  const sent: string[] = []
  vi.stubGlobal('fetch', async (request: Request) => {
    sent.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search} ${request.headers.get('x-csrf')} ${await request.text()}`)
    return Response.json({})
  })
  const { browserApi } = await import('@/demos/lib/api/browser-client')
  // Node has no page to resolve a path against, so the test gives an origin.
  const baseUrl = 'http://bff.test'
  await browserApi.GET('/api/goals', { baseUrl, params: { query: { page: 2 } } })
  await browserApi.POST('/api/goals', { baseUrl, body: { title: 'Read more' } })
  await browserApi.DELETE('/api/goals/{id}', { baseUrl, params: { path: { id: 'abc' } } })
  await browserApi.GET('/api/users/me', { baseUrl })
  expect(sent).toEqual([
    'GET /api/proxy/goals?page=2 null ',
    'POST /api/proxy/goals 1 {"title":"Read more"}',
    'DELETE /api/proxy/goals/abc 1 ',
    'GET /api/proxy/users/me null ',
  ])
})
