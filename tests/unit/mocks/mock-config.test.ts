import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultMockConfig, loadMockConfig } from '@/mocks/mock-config'

const key = 'k'.repeat(32)

describe('loadMockConfig', () => {
  afterEach(() => vi.restoreAllMocks())

  it('uses the documented defaults', () => {
    expect(loadMockConfig({ JWT_SIGNING_KEY: key })).toEqual({ ...defaultMockConfig, jwtSigningKey: key })
  })

  it('reads every lifetime and cap from env', () => {
    const config = loadMockConfig({
      JWT_SIGNING_KEY: key,
      DOTNET_MOCK_ACCESS_TOKEN_SECONDS: '60',
      DOTNET_MOCK_REFRESH_FAMILY_SECONDS: '3',
      DOTNET_MOCK_REFRESH_REUSE_OVERLAP_SECONDS: '0',
      DOTNET_MOCK_MAX_ACCOUNTS: '10',
      DOTNET_MOCK_DEMO_CONTROLS_SECONDS: '120',
    })
    expect(config).toMatchObject({
      accessTokenSeconds: 60,
      refreshFamilySeconds: 3,
      refreshReuseOverlapSeconds: 0,
      maxAccounts: 10,
      demoControlsSeconds: 120,
    })
  })

  it('fails loudly on a bad value or a short key', () => {
    expect(() => loadMockConfig({ JWT_SIGNING_KEY: key, DOTNET_MOCK_MAX_ACCOUNTS: '0' })).toThrow(/DOTNET_MOCK_MAX_ACCOUNTS/)
    expect(() => loadMockConfig({ JWT_SIGNING_KEY: key, DOTNET_MOCK_ACCESS_TOKEN_SECONDS: '15m' })).toThrow()
    expect(() => loadMockConfig({ JWT_SIGNING_KEY: 'short' })).toThrow(/32 characters/)
  })

  it('warns once and uses a random key when JWT_SIGNING_KEY is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const config = loadMockConfig({})
    expect(config.jwtSigningKey.length).toBeGreaterThanOrEqual(32)
    expect(warn).toHaveBeenCalledOnce()
  })
})
