import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDotnetApi } from '@/mocks/create-dotnet-api'
import { startHttpServer, type RunningServer } from '@/mocks/http-server'

// The BFF's register route in front of the mock API with a registration limit of one.
let mock: RunningServer
let POST: (request: Request) => Promise<Response>

beforeAll(async () => {
  mock = await startHttpServer(
    createDotnetApi({ config: { jwtSigningKey: 'register-unit-test-signing-key-32-chars', registrationsPerClient: 1 } }).handle,
  )
  process.env.DOTNET_API_URL = mock.url
  ;({ POST } = await import('@/app/api/auth/register/route'))
})

afterAll(() => mock.close())

function register(email: string) {
  return POST(
    new Request('http://bff.test/api/auth/register', {
      method: 'POST',
      // Where no server reports the peer (as here), the BFF takes the last X-Forwarded-For entry.
      headers: { 'content-type': 'application/json', 'x-csrf': '1', 'x-forwarded-for': '203.0.113.41' },
      body: JSON.stringify({ name: 'Reader', email, password: 'a-long-enough-password' }),
    }),
  )
}

describe('POST /api/auth/register', () => {
  it("passes the API's registration limit on as a readable 429 with Retry-After", async () => {
    expect((await register('first@example.com')).status).toBe(201)
    const refused = await register('second@example.com')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    expect((await refused.json()).detail).toMatch(/^Too many accounts were created from your address\. Try again in \d+ minutes\.$/)
    expect(refused.headers.getSetCookie()).toEqual([])
  })
})
