import { describe, expect, it } from 'vitest'
import { DEFAULT_AFTER_LOGIN, loginUrl, safeCallbackUrl } from '@/demos/lib/auth/safe-callback-url'

describe('safeCallbackUrl', () => {
  it.each([
    '//evil.example',
    '//evil.example/demo/account',
    'https://evil.example',
    'http:/evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' /demo/account',
    '/\t/evil.example',
    '/\n/evil.example',
    'demo/account',
    '',
    '/' + 'a'.repeat(3000),
  ])('refuses %j', (value) => {
    expect(safeCallbackUrl(value)).toBe(DEFAULT_AFTER_LOGIN)
  })

  it.each([undefined, null, 42, ['/demo/account']])('refuses the non-string %j', (value) => {
    expect(safeCallbackUrl(value)).toBe(DEFAULT_AFTER_LOGIN)
  })

  it.each([
    ['/demo/account', '/demo/account'],
    ['/demo/goals?page=2&status=active', '/demo/goals?page=2&status=active'],
    ['/workflows/login#the-flow', '/workflows/login#the-flow'],
    ['/demo/../demo/account', '/demo/account'],
  ])('keeps the same-origin path %j', (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected)
  })

  it('builds login URLs that carry only safe paths', () => {
    expect(loginUrl('/demo/goals?page=2')).toBe('/demo/login?callbackUrl=%2Fdemo%2Fgoals%3Fpage%3D2')
    expect(loginUrl('//evil.example')).toBe('/demo/login?callbackUrl=%2Fdemo%2Faccount')
  })
})
