import { describe, expect, inject, it } from 'vitest'
import { apiFetch, callJson, expectProblem, signIn } from './api-client'

const maxBodyBytes = inject('contractMaxBodyBytes')

describe('errors as ProblemDetails', () => {
  it('answers an unknown route with 404', async () => {
    await expectProblem(await apiFetch('/api/no-such-endpoint'), 404)
  })

  it('answers a known path with the wrong method with 405', async () => {
    const response = await apiFetch('/api/auth/login', { method: 'DELETE' })
    expect(response.status).toBe(405)
  })

  it('answers malformed JSON with 400, not 500', async () => {
    const { accessToken } = await signIn()
    const response = await apiFetch('/api/goals', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: '{"title": ',
    })
    await expectProblem(response, 400)
  })

  it('answers a body that is not JSON with 415', async () => {
    const response = await apiFetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'email=demo@example.com',
    })
    await expectProblem(response, 415)
  })

  it(`refuses a body over ${maxBodyBytes} bytes with 413`, async () => {
    const { accessToken } = await signIn()
    const response = await callJson('POST', '/api/goals', { title: 'x', description: 'y'.repeat(maxBodyBytes) }, { token: accessToken })
    await expectProblem(response, 413)
  })

  it('counts the bytes of a chunked body too, where no Content-Length is sent', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(1024))
    // The start of a JSON string that never ends: a real API's streaming JSON
    // reader refuses a body that is not JSON at its first byte (400) before
    // any cap is reached, so only valid JSON so far can show the cap.
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":"'))
      },
      pull(controller) {
        if (sent > maxBodyBytes) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, duplex: 'half' }
    await expectProblem(await apiFetch('/api/auth/login', init), 413)
  })

  it('reports validation failures with the ASP.NET title and PascalCase keys', async () => {
    const response = await callJson('POST', '/api/auth/register', { name: 'X', email: 'not-an-email', password: 'long-enough' })
    const body = await expectProblem(response, 400)
    expect(body.type).toBe('https://tools.ietf.org/html/rfc9110#section-15.5.1')
    expect(body.title).toBe('One or more validation errors occurred.')
    expect(Object.keys(body.errors)).toEqual(['Email'])
  })
})
