import { describe, expect, it } from 'vitest'
import { callJson, expectBearerChallenge, expectProblem, signIn, type Goal } from './api-client'

async function createGoal(token: string, body: Record<string, unknown> = { title: 'Learn the contract' }) {
  const response = await callJson('POST', '/api/goals', body, { token })
  expect(response.status).toBe(201)
  return { goal: (await response.json()) as Goal, location: response.headers.get('location') }
}

describe('goals CRUD', () => {
  it('creates with defaults and a Location header, then reads it back', async () => {
    const { accessToken: token } = await signIn()
    const { goal, location } = await createGoal(token)
    expect(goal).toMatchObject({ title: 'Learn the contract', description: '', status: 'active', progress: 0 })
    expect(goal.createdAt).toBe(goal.updatedAt)
    expect(location).toMatch(new RegExp(`/api/goals/${goal.id}$`))

    const read = await callJson('GET', `/api/goals/${goal.id}`, undefined, { token })
    expect(await read.json()).toEqual(goal)
  })

  it('replaces with PUT, changes only sent fields with PATCH, removes with DELETE', async () => {
    const { accessToken: token } = await signIn()
    const { goal } = await createGoal(token, { title: 'Original', description: 'First', progress: 10 })

    const replaced = await callJson(
      'PUT',
      `/api/goals/${goal.id}`,
      { title: 'Replaced', description: 'Second', status: 'active', progress: 40 },
      { token },
    )
    expect(await replaced.json()).toMatchObject({ id: goal.id, title: 'Replaced', description: 'Second', progress: 40 })

    const patched = await callJson('PATCH', `/api/goals/${goal.id}`, { status: 'completed', progress: 100 }, { token })
    const after = (await patched.json()) as Goal
    expect(after).toMatchObject({ title: 'Replaced', description: 'Second', status: 'completed', progress: 100 })
    expect(after.createdAt).toBe(goal.createdAt)

    expect((await callJson('DELETE', `/api/goals/${goal.id}`, undefined, { token })).status).toBe(204)
    await expectProblem(await callJson('GET', `/api/goals/${goal.id}`, undefined, { token }), 404)
  })

  it("hides another account's goals behind the same 404 as unknown ids", async () => {
    const owner = await signIn()
    const stranger = await signIn()
    const { goal } = await createGoal(owner.accessToken)
    const token = stranger.accessToken

    await expectProblem(await callJson('GET', `/api/goals/${goal.id}`, undefined, { token }), 404)
    await expectProblem(await callJson('PATCH', `/api/goals/${goal.id}`, { progress: 1 }, { token }), 404)
    await expectProblem(await callJson('DELETE', `/api/goals/${goal.id}`, undefined, { token }), 404)
    await expectProblem(await callJson('GET', `/api/goals/${crypto.randomUUID()}`, undefined, { token }), 404)
    expect((await callJson('GET', `/api/goals/${goal.id}`, undefined, { token: owner.accessToken })).status).toBe(200)
  })

  it('answers a malformed id with 404 or 400, never 500', async () => {
    const { accessToken: token } = await signIn()
    const response = await callJson('GET', '/api/goals/not-a-uuid', undefined, { token })
    expect([400, 404]).toContain(response.status)
  })

  it('validates bodies and keys the errors in PascalCase', async () => {
    const { accessToken: token } = await signIn()
    const response = await callJson('POST', '/api/goals', { title: 'x'.repeat(201), progress: 101 }, { token })
    const body = await expectProblem(response, 400)
    expect(body.title).toBe('One or more validation errors occurred.')
    expect(body.errors).toHaveProperty('Title')
    expect(body.errors).toHaveProperty('Progress')

    const missing = await expectProblem(await callJson('POST', '/api/goals', { description: 'no title' }, { token }), 400)
    expect(missing.errors).toHaveProperty('Title')
  })

  it('requires a bearer token on every goal endpoint', async () => {
    await expectBearerChallenge(await callJson('GET', '/api/goals', undefined), { invalidToken: false })
    await expectBearerChallenge(await callJson('POST', '/api/goals', { title: 'x' }), { invalidToken: false })
    await expectBearerChallenge(await callJson('DELETE', `/api/goals/${crypto.randomUUID()}`, undefined), {
      invalidToken: false,
    })
  })
})

describe('goal titles', () => {
  it('refuses control characters and bidirectional overrides, and keeps other Unicode as sent', async () => {
    const { accessToken: token } = await signIn()
    for (const title of ['Bell\u0007', 'New\nline', 'Right-to-left \u202Etxt.exe', 'C1 \u0085']) {
      const body = await expectProblem(await callJson('POST', '/api/goals', { title }, { token }), 400)
      expect(JSON.stringify(body.errors), JSON.stringify(title)).toContain('control characters')
    }
    const unicode = 'Ünïcödé 目標 🎯 e\u0301'
    const { goal } = await createGoal(token, { title: unicode })
    expect(goal.title).toBe(unicode)
  })
})
