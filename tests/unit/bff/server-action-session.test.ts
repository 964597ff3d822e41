import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ACCESS_COOKIE } from '@/demos/lib/auth/cookie-options'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { startHttpServer, type RunningServer } from '@/mocks/http-server'
import { signInAtApi } from './sign-in-at-api'

// A Server Action is a public POST endpoint: it must check the session itself,
// whatever the page that rendered its form checked. These call the action the
// way Next would, with the request's cookies stood in for by a mock.
let cookieValue: string | undefined
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === ACCESS_COOKIE && cookieValue ? { name, value: cookieValue } : undefined) }),
  headers: async () => new Headers(),
}))
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }))

let api: RunningServer
let arrivals: string[]
let token: string

beforeAll(async () => {
  const mock = createDotnetApi({ config: { jwtSigningKey: 'action-unit-test-signing-key-32-chars!' } })
  arrivals = []
  api = await startHttpServer((request) => {
    arrivals.push(`${request.method} ${new URL(request.url).pathname}`)
    return mock.handle(request)
  })
  process.env.DOTNET_API_URL = api.url
  token = await signInAtApi(api.url)
})

afterAll(() => api.close())

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

describe('createGoalAction re-verifies the session', () => {
  it('refuses without a session and never calls the goals API', async () => {
    const { createGoalAction } = await import('@/demos/lib/goals/create-goal-action')
    cookieValue = undefined
    arrivals.length = 0
    const state = await createGoalAction({ ok: false }, form({ title: 'Sneaky', description: '' }))
    expect(state).toMatchObject({ ok: false, message: 'Your session has ended. Sign in again.' })
    expect(arrivals.filter((a) => a.includes('/api/goals'))).toEqual([])
  })

  it('refuses a forged token: the API, asked by the DAL, does not know it', async () => {
    const { createGoalAction } = await import('@/demos/lib/goals/create-goal-action')
    cookieValue = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.'
    arrivals.length = 0
    const state = await createGoalAction({ ok: false }, form({ title: 'Sneaky', description: '' }))
    expect(state.ok).toBe(false)
    expect(arrivals).toEqual(['GET /api/users/me'])
  })

  it('validates the input before calling the API, and creates with a real session', async () => {
    const { createGoalAction } = await import('@/demos/lib/goals/create-goal-action')
    cookieValue = token
    arrivals.length = 0
    const invalid = await createGoalAction({ ok: false }, form({ title: '   ', description: '' }))
    expect(invalid.fieldErrors?.title).toEqual(['Enter a title'])
    expect(arrivals.filter((a) => a.startsWith('POST'))).toEqual([])

    const created = await createGoalAction({ ok: false }, form({ title: 'From an action', description: '' }))
    expect(created).toMatchObject({ ok: true, message: 'Created "From an action".' })
    expect(arrivals).toContain('POST /api/goals')
  })
})
