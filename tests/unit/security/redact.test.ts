import { describe, expect, it } from 'vitest'
import { bearerAuthorization, JWT_IN_TEXT, JWT_SHAPE } from '@/demos/lib/auth/bearer'
import { redactTokens } from '@/site/lib/attack-lab/redact-tokens'

describe('redactTokens', () => {
  it('replaces every JWT-shaped string, signed or unsigned, and leaves other text alone', () => {
    const signed = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'
    const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'
    const text = `Bearer ${signed} and ${unsigned}; error="invalid_token"`
    expect(redactTokens(text)).toBe('Bearer [token redacted] and [token redacted]; error="invalid_token"')
    expect(redactTokens('The signature is invalid')).toBe('The signature is invalid')
  })
})

describe('the JWT shape (demos/lib/auth/bearer.ts), the one pattern the app, the lab and the leak tests share', () => {
  const signed = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'
  const algNone = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'

  it('counts an alg:none forgery (an empty signature part) as a token, whole or inside text', () => {
    expect(JWT_SHAPE.test(algNone)).toBe(true)
    expect(JWT_IN_TEXT.test(`<p>${algNone}</p>`)).toBe(true)
    expect(bearerAuthorization(algNone)).toBe(`Bearer ${algNone}`)
  })

  it('finds a signed token in text, and leaves version numbers and host names alone', () => {
    expect(JWT_IN_TEXT.test(`token=${signed};`)).toBe(true)
    expect(JWT_IN_TEXT.test('next 16.4.6 on api.example.com')).toBe(false)
    expect(bearerAuthorization('not a token\n')).toBeNull()
  })
})
