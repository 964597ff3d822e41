import { expect, test } from '@playwright/test'

// Every internal link on the site leads somewhere, including #fragments.
// Crawls from the home page through the rendered pages (sidebar, navbar, body).
test('the site has no dead internal links', async ({ page, request }) => {
  test.setTimeout(180_000)
  const queue = ['/']
  const visited = new Set<string>()
  const dead: string[] = []
  const ids = new Map<string, Set<string>>()
  const fragments: { from: string; target: string; id: string }[] = []

  while (queue.length) {
    const path = queue.shift()!
    if (visited.has(path)) continue
    visited.add(path)
    const response = await page.goto(path)
    if (!response || response.status() >= 400) {
      dead.push(`${path} → ${response?.status()}`)
      continue
    }
    // Protected demos redirect to sign-in; their links are covered from the docs.
    if (new URL(page.url()).pathname !== path.split('?')[0]) continue
    ids.set(path, new Set(await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id))))
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    for (const href of hrefs) {
      if (/^(https?:|mailto:)/.test(href)) continue
      const url = new URL(href, `http://site${path}`)
      const target = url.pathname + url.search
      if (url.hash) fragments.push({ from: path, target, id: decodeURIComponent(url.hash.slice(1)) })
      if (target.startsWith('/dotnet/') || target.startsWith('/api/')) {
        const status = (await request.get(target)).status()
        if (status >= 400) dead.push(`${path} links to ${target} → ${status}`)
      } else if (!visited.has(target)) queue.push(target)
    }
  }

  for (const { from, target, id } of fragments) {
    const known = ids.get(target)
    if (known && !known.has(id)) dead.push(`${from} links to ${target}#${id}: no such id`)
  }

  expect(visited.size).toBeGreaterThan(5)
  expect(dead).toEqual([])
})
