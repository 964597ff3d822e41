import type { NextConfig } from 'next'
import { afterEach, describe, expect, it, vi } from 'vitest'

// Behind a reverse proxy that rewrites Host, Next.js refuses every Server
// Action unless the public host is allowed (the Production page). The config
// reads the hosts from SERVER_ACTIONS_ALLOWED_ORIGINS, and refuses a URL, which
// Next.js would never match: every action would fail only once deployed.
async function loadConfig(value: string | undefined) {
  vi.resetModules()
  if (value === undefined) vi.stubEnv('SERVER_ACTIONS_ALLOWED_ORIGINS', undefined)
  else vi.stubEnv('SERVER_ACTIONS_ALLOWED_ORIGINS', value)
  // next.config.mjs is plain JavaScript with no declaration file: Next's own type describes it.
  const configModule = '@/next.config.mjs'
  const { default: config } = (await import(/* @vite-ignore */ configModule)) as { default: NextConfig }
  return config.experimental?.serverActions?.allowedOrigins
}

describe('serverActions.allowedOrigins from SERVER_ACTIONS_ALLOWED_ORIGINS', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('allows only the same origin when unset', async () => {
    expect(await loadConfig(undefined)).toEqual([])
  })

  it('passes each listed host to Next.js, trimmed, wildcards and ports included', async () => {
    expect(await loadConfig(' app.example.com, *.example.com,app.example.com:8443 ,')).toEqual(['app.example.com', '*.example.com', 'app.example.com:8443'])
  })

  it('refuses a URL, which Next.js compares as a host and never matches', async () => {
    await expect(loadConfig('https://app.example.com')).rejects.toThrow(/is a URL; give the host/)
    await expect(loadConfig('app.example.com/checkout')).rejects.toThrow(/is a URL/)
  })
})
