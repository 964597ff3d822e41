import { describe, expect, it } from 'vitest'
import { connectSources, demoPagePolicy } from '@/demos/lib/http/content-security-policy'

// Workflow E: page scripts upload straight to the API, so its origin, and only
// that, joins connect-src when it has one of its own.

describe('connect-src', () => {
  it('is this site alone by default, when uploads go to /dotnet on the same origin', () => {
    expect(connectSources(undefined)).toEqual(["'self'"])
    expect(connectSources('  ')).toEqual(["'self'"])
  })

  it("adds the API's origin, without its path, when DOTNET_API_PUBLIC_URL is set", () => {
    expect(connectSources('http://127.0.0.1:3100/dotnet')).toEqual(["'self'", 'http://127.0.0.1:3100'])
    expect(connectSources('https://api.example.com/')).toEqual(["'self'", 'https://api.example.com'])
  })

  it('stops loudly on a value that is not an http(s) URL', () => {
    expect(() => connectSources('api.example.com')).toThrow(/DOTNET_API_PUBLIC_URL/)
    expect(() => connectSources('javascript:alert(1)')).toThrow(/DOTNET_API_PUBLIC_URL/)
  })

  it('is what the demo pages send', () => {
    const previous = process.env.DOTNET_API_PUBLIC_URL
    process.env.DOTNET_API_PUBLIC_URL = 'http://127.0.0.1:3100/dotnet'
    try {
      expect(demoPagePolicy('n0nce')).toContain("; connect-src 'self' http://127.0.0.1:3100; ")
    } finally {
      if (previous === undefined) delete process.env.DOTNET_API_PUBLIC_URL
      else process.env.DOTNET_API_PUBLIC_URL = previous
    }
  })
})
