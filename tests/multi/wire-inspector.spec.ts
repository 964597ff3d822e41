import { expect, test } from '@playwright/test'
import { CSRF, INSTANCES, Visitor } from './support/visitor'

type TraceEvent = { from: string; to: string; path: string; status: number }

test('the wire inspector shows the hops of both instances, whichever of them it asks', async () => {
  const visitor = new Visitor()
  await visitor.register('a')

  // 1. The inspector starts on A: A names the session in the trace cookie.
  const started = await visitor.send('/api/trace/session', { on: 'a', method: 'POST', headers: CSRF })
  expect(started.status, started.body).toBe(204)
  expect(visitor.jar.get('wire.trace')).toBeDefined()

  // 2. One goals request on each instance, told apart by their page size.
  const sizes = { a: 3, b: 4 } as const
  for (const on of INSTANCES) {
    const listed = await visitor.send(`/api/proxy/goals?page=1&pageSize=${sizes[on]}`, { on })
    expect(listed.status, listed.body).toBe(200)
    expect(listed.servedBy).toBe(on)
  }

  // 3. Each instance's feed holds both requests, each with its hop from the
  //    browser to the BFF and the BFF's to the API. (Hops are stored just after
  //    the answer leaves, so the feed is polled.)
  for (const reader of INSTANCES) {
    await expect
      .poll(async () => {
        const answer = await visitor.send('/api/trace', { on: reader })
        const { events, recording } = JSON.parse(answer.body) as { events: TraceEvent[]; recording: boolean }
        const hops = (size: number) =>
          events
            .filter((event) => event.path.includes(`pageSize=${size}`))
            .map((event) => `${event.from}→${event.to}`)
            .sort()
        return { recording, a: hops(sizes.a), b: hops(sizes.b) }
      }, { message: `the trace as ${reader} serves it`, timeout: 10_000 })
      .toMatchObject({ recording: true, a: expect.arrayContaining(['browser→bff', 'bff→api']), b: expect.arrayContaining(['browser→bff', 'bff→api']) })
  }
})
