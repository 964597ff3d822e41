import { expect, type APIRequestContext } from '@playwright/test'

/**
 * The code of every script a page loads before anything lazy: its script tags,
 * and the chunks the inline RSC payload lists for the client components it renders.
 */
export async function firstLoadScripts(request: APIRequestContext, path: string): Promise<{ src: string; code: string }[]> {
  const html = await (await request.get(path)).text()
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1])
  const payload = [...html.matchAll(/static\/chunks\/[\w.~-]+\.js/g)].map((match) => `/_next/${match[0]}`)
  const sources = [...new Set([...tags, ...payload])]
  expect(sources.length, path).toBeGreaterThan(0)
  return Promise.all(sources.map(async (src) => ({ src, code: await (await request.get(src)).text() })))
}
