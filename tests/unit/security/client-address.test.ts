import { describe, expect, it } from 'vitest'
import { clientAddress } from '@/demos/lib/http/client-address'

const from = (headers: Record<string, string>) => clientAddress(new Request('http://bff.test/api/auth/login', { headers }))

describe('clientAddress', () => {
  it('takes the entry the nearest proxy appended, not one the client wrote in front of it', () => {
    expect(from({ 'x-forwarded-for': '198.51.100.66, 203.0.113.7' })).toBe('203.0.113.7')
    expect(from({ 'x-forwarded-for': '10.0.0.1,203.0.113.7 ' })).toBe('203.0.113.7')
  })

  it('reads a single address, then X-Real-IP, then nothing', () => {
    expect(from({ 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7')
    expect(from({ 'x-real-ip': '203.0.113.8' })).toBe('203.0.113.8')
    expect(from({ 'x-forwarded-for': ' ', 'x-real-ip': '203.0.113.8' })).toBe('203.0.113.8')
    expect(from({})).toBeNull()
  })
})
