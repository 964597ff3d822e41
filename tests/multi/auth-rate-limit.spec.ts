import { expect, test } from '@playwright/test'
import { CSRF, INSTANCES, Visitor } from './support/visitor'

test('the BFF’s auth rate limit counts one address’s requests to both instances together', async () => {
  // The instances run with a small limit for this (scripts/multi/test-multi.mjs).
  const limit = Number(process.env.MULTI_BFF_AUTH_RATE_LIMIT)
  expect(limit).toBeGreaterThan(1)
  const visitor = new Visitor()

  // 1. The whole budget, half on A and half on B, one request to each at a
  //    time: each instance alone has seen only half of it. A refresh with no
  //    cookie is the cheapest auth request: counted first, then refused
  //    without asking the API.
  for (let i = 0; i < limit; i += 2) {
    const pair = await Promise.all(INSTANCES.map((on) => visitor.send('/api/auth/refresh', { on, method: 'POST', headers: CSRF })))
    for (const answer of pair) expect(answer.status, `request ${i + 1}: ${answer.body}`).toBe(401)
  }

  // 2. The next one is refused on either instance, with the time to wait.
  for (const on of INSTANCES) {
    const refused = await visitor.send('/api/auth/refresh', { on, method: 'POST', headers: CSRF })
    expect(refused.status, `on ${on}: ${refused.body}`).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.headers['content-type']).toContain('application/problem+json')
  }

  // 3. Another address still has its own budget.
  const other = await new Visitor().send('/api/auth/refresh', { on: 'a', method: 'POST', headers: CSRF })
  expect(other.status).toBe(401)
})
