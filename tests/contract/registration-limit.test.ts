import { describe, expect, inject, it } from 'vitest'
import { callJson, expectProblem, login, registerAccount, signIn, uniqueAddress, uniqueEmail, type Goal, type GoalPage } from './api-client'

const limit = inject('contractRegistrationsPerClient')

describe('POST /api/auth/register: the per-client limit', () => {
  it("refuses a flood from one client past the limit, and the reader's account and goals remain", async () => {
    // 1. A reader, registered and signed in from an address of their own, with a goal of their own.
    const reader = await signIn()
    const created = await callJson('POST', '/api/goals', { title: 'Still here after the flood' }, { token: reader.accessToken })
    expect(created.status).toBe(201)
    const goal = (await created.json()) as Goal

    // 2. The flood: one IPv6 client, from a new host address of its /64 each time,
    //    which both APIs count as one client.
    const network = uniqueAddress().replace(/::1$/, '')
    const statuses: number[] = []
    let refused: Response | undefined
    for (let i = 1; i <= limit + 2; i++) {
      const response = await callJson(
        'POST',
        '/api/auth/register',
        { name: 'Flood', email: uniqueEmail(), password: 'flood-password' },
        { address: `${network}::${i.toString(16)}` },
      )
      statuses.push(response.status)
      if (response.status === 429) refused = response
      else await response.body?.cancel()
    }
    expect(statuses).toEqual([...Array<number>(limit).fill(201), 429, 429])
    expect(refused!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    await expectProblem(refused!, 429)

    // 3. The reader's session still works, they can sign in again, and their goal is there.
    expect((await callJson('GET', '/api/users/me', undefined, { token: reader.accessToken })).status).toBe(200)
    const again = await login(reader.account)
    const page = await callJson('GET', '/api/goals?pageSize=50', undefined, { token: again.accessToken })
    expect(page.status).toBe(200)
    expect(((await page.json()) as GoalPage).items.map((item) => item.id)).toContain(goal.id)

    // 4. Another client is not affected.
    await registerAccount()
  })
})
