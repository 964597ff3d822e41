import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clientAddress } from '@/demos/lib/http/client-address'

const SERVER_MARK = Symbol.for('bff-reference.socket-address-header')
const from = (headers: Record<string, string>) => clientAddress(new Request('http://bff.test/api/auth/login', { headers }))

describe('clientAddress behind the site server (server.mjs reports the socket address)', () => {
  beforeEach(() => {
    ;(globalThis as Record<symbol, unknown>)[SERVER_MARK] = 'x-socket-address'
  })
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[SERVER_MARK]
    vi.unstubAllEnvs()
  })

  it('with no proxy in front (the default), ignores every X-Forwarded-For entry the client wrote', () => {
    expect(from({ 'x-socket-address': '198.51.100.1', 'x-forwarded-for': '203.0.113.7' })).toBe('198.51.100.1')
    expect(from({ 'x-socket-address': '198.51.100.1', 'x-forwarded-for': '10.0.0.1, 203.0.113.7' })).toBe('198.51.100.1')
  })

  it('sixty requests with sixty invented addresses are one client', () => {
    const keys = new Set(Array.from({ length: 60 }, (_, i) => from({ 'x-socket-address': '198.51.100.1', 'x-forwarded-for': `203.0.113.${i}` })))
    expect([...keys]).toEqual(['198.51.100.1'])
  })

  it('behind one proxy, takes the entry that proxy appended, not one the client wrote in front of it', () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1')
    expect(from({ 'x-socket-address': '10.0.0.2', 'x-forwarded-for': '198.51.100.66, 203.0.113.7' })).toBe('203.0.113.7')
    expect(from({ 'x-socket-address': '10.0.0.2', 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7')
  })

  it('behind two proxies, skips the inner one', () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '2')
    expect(from({ 'x-socket-address': '10.0.0.3', 'x-forwarded-for': '198.51.100.66, 203.0.113.7, 10.0.0.2' })).toBe('203.0.113.7')
  })

  it('refuses a hop count that is not a small whole number', () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', 'one')
    expect(() => from({ 'x-socket-address': '10.0.0.2' })).toThrow(/TRUSTED_PROXY_HOPS/)
  })
})

describe('clientAddress without the site server (next dev)', () => {
  it('has no socket address, so falls back to the last X-Forwarded-For entry', () => {
    expect(from({ 'x-forwarded-for': '198.51.100.66, 203.0.113.7' })).toBe('203.0.113.7')
    expect(from({ 'x-socket-address': '198.51.100.1', 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7')
    expect(from({})).toBeNull()
  })
})
