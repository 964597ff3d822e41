import { describe, expect, it } from 'vitest'
import { redactTokens } from '@/demos/lib/security/redact'

describe('redactTokens', () => {
  it('replaces every JWT-shaped string, signed or unsigned, and leaves other text alone', () => {
    const signed = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'
    const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'
    const text = `Bearer ${signed} and ${unsigned}; error="invalid_token"`
    expect(redactTokens(text)).toBe('Bearer [token redacted] and [token redacted]; error="invalid_token"')
    expect(redactTokens('The signature is invalid')).toBe('The signature is invalid')
  })
})
