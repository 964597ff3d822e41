import { expect, test } from '@playwright/test'
import { decodeJwt, SignJWT } from 'jose'
import { CSRF, INSTANCES, refreshCookieSet, signingKey, Visitor, type Instance } from './support/visitor'

type DemoSession = { rotations: number; overlapReuses: number }

/** The API's own count of this session's rotations, asked on `on` with the access token in the jar. */
async function apiSession(visitor: Visitor, on: Instance): Promise<DemoSession> {
  const answer = await visitor.send('/dotnet/api/demo/session', { on, cookies: '', headers: { authorization: `Bearer ${visitor.cookie('bff.access')}` } })
  expect(answer.status, answer.body).toBe(200)
  return JSON.parse(answer.body) as DemoSession
}

test('a refresh on B, then a replay of the old refresh token on A, signs the session out on both', async () => {
  const visitor = new Visitor()
  await visitor.register('a')
  const stolen = visitor.cookie('bff.refresh')
  let firstAnsweredAt = 0

  // 1. The reader's session goes on, on B: two rotations. The second one spends
  //    the successor of the stolen token, so for the API the stolen token is a
  //    replay, not a request that lost a race (its overlap window answers only
  //    the latter, and only while the successor is unused).
  for (let i = 0; i < 2; i++) {
    const refreshed = await visitor.send('/api/auth/refresh', { on: 'b', method: 'POST', headers: CSRF })
    expect(refreshed.status, refreshed.body).toBe(204)
    firstAnsweredAt ||= Date.now()
  }
  const current = visitor.jar.header()
  expect(visitor.cookie('bff.refresh')).not.toBe(stolen)

  // 2. The BFF shares a rotation's result for 5 s (REFRESH_FLIGHT_TIMING.resultMs in
  //    demos/lib/session/refresh-once.ts), counted from before its answer, with
  //    requests carrying the same old token; a thief's replay comes later than that.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstAnsweredAt + 5_500 - Date.now())))

  // 3. The stolen copy comes back on A: reuse, so the API revokes the whole family.
  const replay = await visitor.send('/api/auth/refresh', { on: 'a', method: 'POST', headers: CSRF, cookies: visitor.cookiesWith({ refresh: stolen }) })
  expect(replay.status, replay.body).toBe(401)

  // 4. The reader's own, newest cookies are now refused on both instances: the
  //    proxy, a page (sent to sign in) and the refresh route.
  for (const on of INSTANCES) {
    const goals = await visitor.send('/api/proxy/goals', { on, cookies: current })
    expect(goals.status, `goals on ${on}`).toBe(401)
    // The account page: the goals page streams (loading.tsx), so its redirect comes inside a 200.
    const page = await visitor.send('/demo/account', { on, cookies: current, headers: { accept: 'text/html' } })
    expect(page.status, `page on ${on}`).toBe(307)
    expect(page.headers.location, `page on ${on}`).toMatch(/\/demo\/login\?callbackUrl=/)
    const refreshed = await visitor.send('/api/auth/refresh', { on, method: 'POST', headers: CSRF, cookies: current })
    expect(refreshed.status, `refresh on ${on}`).toBe(401)
  }
})

test('20 concurrent requests with the same expiring access cookie, over both instances, rotate the refresh token once', async () => {
  const visitor = new Visitor()
  await visitor.register('a')
  const before = await apiSession(visitor, 'a')
  const oldRefresh = visitor.cookie('bff.refresh')

  // 1. The same token, re-signed with the shared key to expire in 10 s: valid,
  //    but inside proxy.ts's 30-second leeway, so every request refreshes first.
  const claims = decodeJwt(visitor.cookie('bff.access'))
  const expiring = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) + 10 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(signingKey()))
  const cookies = visitor.cookiesWith({ access: expiring })

  // 2. Ten page loads on each instance at once, as a navigation and its prefetches would arrive.
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => visitor.send('/demo/account', { on: INSTANCES[i % 2], cookies, headers: { accept: 'text/html' } })))
  for (const answer of answers) {
    expect(answer.status, answer.body.slice(0, 300)).toBe(200)
    expect(answer.body).toContain(visitor.email)
  }
  expect(new Set(answers.map((answer) => answer.servedBy))).toEqual(new Set(INSTANCES))

  // 3. Every answer sets the same new refresh token: one successor, on both instances.
  const successors = new Set(answers.map(refreshCookieSet))
  expect(successors.size, [...successors].join(', ')).toBe(1)
  const [successor] = successors
  expect(successor).toBeDefined()
  expect(successor).not.toBe(oldRefresh)

  // 4. And the API was asked once: one rotation, and no loser of a race
  //    answered from its overlap window (which would mean a second refresh).
  const after = await apiSession(visitor, 'b')
  expect(after.rotations - before.rotations).toBe(1)
  expect(after.overlapReuses - before.overlapReuses).toBe(0)
})
