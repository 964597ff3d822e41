import { describe, expect, inject, it } from 'vitest'
import type { components } from '../../demos/lib/api/dotnet-api'
import { callJson, expectBearerChallenge, expectProblem, signIn, type Goal, type GoalPage } from './api-client'

type DemoControls = components['schemas']['DemoControls']

const controlsPath = '/api/demo/controls'
const off = { latencyMs: 0, failNextMutations: 0, failureRate: 0, down: false, expiresAt: null }

// Demo only: a real API has no such endpoint. Against another mock that has it: CONTRACT_DEMO_CONTROLS=1.
const supported = inject('contractDemoControls')

async function setControls(token: string, body: Record<string, unknown>): Promise<DemoControls> {
  const response = await callJson('PUT', controlsPath, body, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as DemoControls
}

async function getControls(token: string): Promise<DemoControls> {
  const response = await callJson('GET', controlsPath, undefined, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as DemoControls
}

async function goalCount(token: string): Promise<number> {
  const response = await callJson('GET', '/api/goals', undefined, { token })
  expect(response.status).toBe(200)
  return ((await response.json()) as GoalPage).totalCount
}

async function timed(request: Promise<Response>): Promise<{ response: Response; ms: number }> {
  const started = performance.now()
  const response = await request
  return { response, ms: performance.now() - started }
}

describe.skipIf(!supported)('demo controls', () => {
  it('start with everything off, and say when they switch themselves off once set', async () => {
    const { accessToken: token } = await signIn()
    expect(await getControls(token)).toEqual(off)

    const controls = await setControls(token, { latencyMs: 0, down: false, failNextMutations: 1 })
    expect(controls).toMatchObject({ failNextMutations: 1, failureRate: 0, down: false })
    expect(Date.parse(controls.expiresAt ?? '')).toBeGreaterThan(Date.now())
  })

  it('add the requested latency to every request of the account, but not to the controls', async () => {
    const { accessToken: token } = await signIn()
    await setControls(token, { latencyMs: 300 })
    // A server timer may fire a few ms early by this client's clock (seen: 297.8 ms);
    // the check is that the delay is there at all, against a few ms without it.
    const delayed = 300 - 20

    const list = await timed(callJson('GET', '/api/goals', undefined, { token }))
    expect(list.response.status).toBe(200)
    expect(list.ms).toBeGreaterThanOrEqual(delayed)
    const me = await timed(callJson('GET', '/api/users/me', undefined, { token }))
    expect(me.ms).toBeGreaterThanOrEqual(delayed)

    await setControls(token, { latencyMs: 3000 })
    const controls = await timed(callJson('GET', controlsPath, undefined, { token }))
    expect(controls.ms).toBeLessThan(1500)
  })

  it('fail exactly the next two mutations with a 500, then let them through', async () => {
    const { accessToken: token } = await signIn()
    const before = await goalCount(token)
    await setControls(token, { failNextMutations: 2 })

    const first = await expectProblem(await callJson('POST', '/api/goals', { title: 'Fails' }, { token }), 500)
    expect(first.detail).toMatch(/demo controls/i)
    // Reads do not count against the mutations.
    expect(await goalCount(token)).toBe(before)
    await expectProblem(await callJson('POST', '/api/goals', { title: 'Fails too' }, { token }), 500)
    expect((await getControls(token)).failNextMutations).toBe(0)

    expect((await callJson('POST', '/api/goals', { title: 'Succeeds' }, { token })).status).toBe(201)
    // The failed ones changed nothing.
    expect(await goalCount(token)).toBe(before + 1)
  })

  it('fail every mutation at failureRate 1, and no read', async () => {
    const { accessToken: token } = await signIn()
    const created = await callJson('POST', '/api/goals', { title: 'Target' }, { token })
    const goal = (await created.json()) as Goal
    await setControls(token, { failureRate: 1 })

    const goalPath = `/api/goals/${goal.id}`
    await expectProblem(await callJson('POST', '/api/goals', { title: 'x' }, { token }), 500)
    await expectProblem(
      await callJson('PUT', goalPath, { title: 'x', description: '', status: 'active', progress: 1 }, { token }),
      500,
    )
    await expectProblem(await callJson('PATCH', goalPath, { progress: 50 }, { token }), 500)
    await expectProblem(await callJson('DELETE', goalPath, undefined, { token }), 500)

    expect((await callJson('GET', '/api/goals', undefined, { token })).status).toBe(200)
    const read = await callJson('GET', goalPath, undefined, { token })
    expect(await read.json()).toEqual(goal)
  })

  it('answer 503 with Retry-After while down, yet keep the controls reachable', async () => {
    const { accessToken: token } = await signIn()
    await setControls(token, { down: true })

    for (const [method, path, body] of [
      ['GET', '/api/goals'],
      ['POST', '/api/goals', { title: 'x' }],
      ['GET', '/api/users/me'],
    ] as const) {
      const response = await callJson(method, path, body, { token })
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
      await expectProblem(response, 503)
    }

    expect((await getControls(token)).down).toBe(true)
    expect((await callJson('DELETE', controlsPath, undefined, { token })).status).toBe(204)
    expect((await callJson('GET', '/api/users/me', undefined, { token })).status).toBe(200)
  })

  it('reset everything with DELETE', async () => {
    const { accessToken: token } = await signIn()
    await setControls(token, { latencyMs: 300, failNextMutations: 3, failureRate: 0.3, down: true })

    const reset = await callJson('DELETE', controlsPath, undefined, { token })
    expect(reset.status).toBe(204)
    expect(await reset.text()).toBe('')
    expect(await getControls(token)).toEqual(off)
  })

  it('treat a PUT as a replacement: fields left out are off', async () => {
    const { accessToken: token } = await signIn()
    await setControls(token, { latencyMs: 300, down: true })
    expect(await setControls(token, { failureRate: 0.3 })).toMatchObject({ latencyMs: 0, down: false, failureRate: 0.3 })
  })

  it('validate the body and key the errors in PascalCase', async () => {
    const { accessToken: token } = await signIn()
    const bad = { latencyMs: 10_001, failNextMutations: -1, failureRate: 1.5 }
    const body = await expectProblem(await callJson('PUT', controlsPath, bad, { token }), 400)
    expect(body.title).toBe('One or more validation errors occurred.')
    expect(Object.keys(body.errors ?? {}).sort()).toEqual(['FailNextMutations', 'FailureRate', 'LatencyMs'])
    // On its own: System.Text.Json stops at the first value of the wrong type, before any range is checked.
    const wrongType = await expectProblem(await callJson('PUT', controlsPath, { down: 'yes' }, { token }), 400)
    expect(wrongType.errors).toHaveProperty('Down')

    const fraction = await expectProblem(await callJson('PUT', controlsPath, { latencyMs: 1.5 }, { token }), 400)
    expect(fraction.errors).toHaveProperty('LatencyMs')
    await expectProblem(await callJson('PUT', controlsPath, undefined, { token, headers: { 'Content-Type': 'application/json' } }), 400)
    expect(await getControls(token)).toEqual(off)
  })

  it('require a bearer token', async () => {
    await expectBearerChallenge(await callJson('GET', controlsPath, undefined), { invalidToken: false })
    await expectBearerChallenge(await callJson('PUT', controlsPath, { down: true }), { invalidToken: false })
    await expectBearerChallenge(await callJson('DELETE', controlsPath, undefined), { invalidToken: false })
  })

  it("never touch another account's requests", async () => {
    const broken = await signIn()
    const other = await signIn()
    await setControls(broken.accessToken, { latencyMs: 3000, failNextMutations: 5, failureRate: 1, down: true })
    const token = other.accessToken

    const list = await timed(callJson('GET', '/api/goals', undefined, { token }))
    expect(list.response.status).toBe(200)
    expect(list.ms).toBeLessThan(1500)
    expect((await callJson('POST', '/api/goals', { title: 'Unaffected' }, { token })).status).toBe(201)
    expect((await callJson('GET', '/api/users/me', undefined, { token })).status).toBe(200)
    expect(await getControls(token)).toEqual(off)
  })
})
