import { describe, expect, it } from 'vitest'
import { limitBodyStream } from '@/demos/lib/proxy/limit-body-stream'
import { chunkedBody } from './proxy-test-kit'

describe('limitBodyStream', () => {
  it('passes a body up to the cap through unchanged', async () => {
    const limit = limitBodyStream(4096)
    const text = await new Response(chunkedBody(4, 1024).pipeThrough(limit.stream)).text()
    expect(text).toBe('x'.repeat(4096))
    expect(limit.exceeded()).toBe(false)
  })

  it('errors the stream on the first byte past the cap and says so', async () => {
    const limit = limitBodyStream(4096)
    await expect(new Response(chunkedBody(5, 1024).pipeThrough(limit.stream)).text()).rejects.toThrow(/exceeds 4096 bytes/)
    expect(limit.exceeded()).toBe(true)
  })
})
