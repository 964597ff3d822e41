import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { startHttpServer, type RunningServer } from '@/mocks/http-server'
import { runLabAttack } from '@/site/lib/attack-lab/run-lab-attack'
import { signInAtApi } from '../bff/sign-in-at-api'

// The attack lab's Workflow E group, run for real by the lab's own code
// against the mock over HTTP. The mock is looked into only to check what the
// lab cannot see from outside: which files were stored at all.
const mock = createDotnetApi({ config: { jwtSigningKey: 'lab-uploads-unit-test-signing-key-32ch', allowedOrigin: 'http://localhost:3000' } })
const issuedTokens: string[] = []
let weaken: ((request: Request) => Response | null) | null = null
let api: RunningServer
let token: string

beforeAll(async () => {
  api = await startHttpServer(async (request, options) => {
    const weakened = weaken?.(request)
    if (weakened) return weakened
    const response = await mock.handle(request, options)
    if (request.method === 'POST' && request.url.endsWith('/attachments/grants') && response.status === 201) {
      issuedTokens.push(((await response.clone().json()) as { uploadToken: string }).uploadToken)
    }
    return response
  })
  process.env.DOTNET_API_URL = api.url
  token = await signInAtApi(api.url)
})

afterAll(() => api.close())

afterEach(() => {
  weaken = null
  vi.restoreAllMocks()
})

describe('the attack lab: Workflow E, direct uploads', () => {
  it('is refused in every case, and only the two files meant to land were ever stored', async () => {
    const stored = vi.spyOn(mock.context.attachments, 'add')
    const outcome = await runLabAttack('direct-uploads', token, '127.0.0.1')

    expect(outcome.steps.filter((step) => !step.blocked)).toEqual([])
    expect(outcome.blocked).toBe(true)
    expect(outcome.steps).toHaveLength(10)
    // The reused token's first upload, and the file whose name was cleaned; nothing from a refused attempt.
    expect(stored.mock.calls.map(([file]) => file.fileName)).toEqual(['photo.png', 'passwd.png'])
    const text = outcome.steps.map((step) => `${step.label} ${step.detail}`).join('\n')
    // Every refusal came before the two files meant to land, and left the goal empty.
    expect(text.match(/Attachments on the goal: 0 before, 0 after/g)).toHaveLength(6)
    expect(text).toContain('Listed as "passwd.png"')
    expect(text).toContain('No Access-Control-Allow-Origin')
    // No upload token in what the lab reports, though the reuse case names its token.
    expect(issuedTokens).toHaveLength(6)
    for (const issued of issuedTokens) expect(text).not.toContain(issued)
    expect(text).toContain('X-Upload-Token: [upload token redacted]')
    // The run's goal is gone, with its files.
    const user = (await mock.context.store.findByEmail('demo@example.com'))!.user
    expect(await mock.context.attachments.usedBytes(user.id)).toBe(0)
  })

  it('reports a reused token that gets through, by the second file it finds on the goal', async () => {
    const claim = mock.context.uploadGrants.claim
    vi.spyOn(mock.context.uploadGrants, 'claim').mockImplementation(async (uploadToken) => {
      const result = await claim(uploadToken)
      if (result.ok) result.grant.usedAt = null
      return result
    })
    const outcome = await runLabAttack('direct-uploads', token)
    const reuse = outcome.steps.find((step) => step.label.startsWith('The same token twice'))!
    expect(reuse).toMatchObject({ status: 201, blocked: false })
    expect(reuse.detail).toMatch(/0 before, 2 after/)
    expect(outcome.blocked).toBe(false)
  })

  it('reports an open preflight, and an expiry it could not try, as not blocked', async () => {
    weaken = (request) => {
      const path = new URL(request.url).pathname
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { 'access-control-allow-origin': '*' } })
      // As the C# API answers: it has no such demo endpoint.
      if (path === '/api/demo/expire-upload-grants') return new Response(null, { status: 404 })
      return null
    }
    const outcome = await runLabAttack('direct-uploads', token)
    const open = outcome.steps.filter((step) => !step.blocked).map((step) => step.label)
    expect(open).toEqual(['An expired token', 'The CORS preflight from https://attacker.example'])
  })
})
