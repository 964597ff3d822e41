import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { E2E_JWT_SIGNING_KEY } from '../../playwright.config'
import { JWT_SHAPE } from './support/auth'
import { authCookies } from './support/session'
import { signInPrivately } from './support/goals'

// No token and no secret in anything the browser receives: every page's HTML
// and RSC payload (signed in, so there is something to leak), and every client
// bundle of the build under test.
function docsPaths(dir = 'content', base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (name.startsWith('_')) return []
    if (statSync(file).isDirectory()) return docsPaths(file, `${base}/${name}`)
    if (!name.endsWith('.mdx')) return []
    return [name === 'index.mdx' ? base || '/' : `${base}/${name.replace(/\.mdx$/, '')}`]
  })
}

const DEMO_PAGES = ['/demo/login', '/demo/account', '/demo/goals', '/demo/goals?page=2', '/demo/session']

test('no page HTML or RSC payload holds a token or the signing key', async ({ page, context }) => {
  test.setTimeout(120_000)
  await signInPrivately(page, '/demo/goals')
  const { access, refresh } = await authCookies(context)
  const secrets = [access!.value, refresh!.value, E2E_JWT_SIGNING_KEY, access!.value.split('.')[2]]
  const paths = [...docsPaths(), ...DEMO_PAGES]
  expect(paths.length).toBeGreaterThan(10)
  for (const target of paths) {
    // The browser's own request carries the cookies; both the document and the RSC payload of a client navigation.
    for (const headers of [{}, { rsc: '1' }] as Record<string, string>[]) {
      const response = await page.request.get(target, { headers })
      expect(response.status(), target).toBeLessThan(400)
      const body = await response.text()
      expect(body, `${target} ${JSON.stringify(headers)}`).not.toMatch(JWT_SHAPE)
      for (const secret of secrets) expect(body.includes(secret), `${target} holds a secret`).toBe(false)
    }
  }
})

test('no client bundle holds a JWT-shaped string or the signing key', async () => {
  const dir = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'static')
  const files = (function walk(current: string): string[] {
    return readdirSync(current).flatMap((name) => {
      const file = path.join(current, name)
      return statSync(file).isDirectory() ? walk(file) : /\.(js|css|json)$/.test(name) ? [file] : []
    })
  })(dir)
  expect(files.length).toBeGreaterThan(10)
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    expect(text, file).not.toMatch(JWT_SHAPE)
    expect(text.includes(E2E_JWT_SIGNING_KEY), file).toBe(false)
  }
})
