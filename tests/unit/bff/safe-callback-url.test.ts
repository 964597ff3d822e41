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

  // Inputs that start with one slash but normalize into a protocol-relative
  // path (or into something a second parse reads differently).
  it.each([
    '/.//evil.example',
    '/.//evil.example/demo/account?x=1',
    '/..//evil.example',
    '/a/..//evil.example',
    '/././/evil.example',
    '/.///evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/.%2e//evil.example',
    '/%2e%2e//evil.example',
    '/a/%2e%2e//evil.example',
    '/.//\\evil.example',
    '/./\\evil.example',
    '/.//\tevil.example',
    '/.\t//evil.example',
    '/.\n//evil.example',
    '/.\r//evil.example',
  ])('refuses %j, which normalizes to another host', (value) => {
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
    ['/./demo/account', '/demo/account'],
    ['/%2e/demo/account', '/demo/account'],
    ['/demo//goals', '/demo//goals'],
  ])('keeps the same-origin path %j', (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected)
  })

  it('builds login URLs that carry only safe paths', () => {
    expect(loginUrl('/demo/goals?page=2')).toBe('/demo/login?callbackUrl=%2Fdemo%2Fgoals%3Fpage%3D2')
    expect(loginUrl('//evil.example')).toBe('/demo/login?callbackUrl=%2Fdemo%2Faccount')
  })
})
