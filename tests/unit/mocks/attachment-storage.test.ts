import { describe, expect, it } from 'vitest'
import { loadMockConfig } from '@/mocks/mock-config'
import { sanitizeFileName } from '@/mocks/sanitize-file-name'
import type { Attachment, UploadGrant } from '@/mocks/schemas'
import { backends, createTestApi, useBackend } from './mock-client'

const png = (size: number) => {
  const bytes = new Uint8Array(size)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return bytes
}

/** One account with a goal, and a helper that grants and uploads a PNG of the given size to it. */
async function withGoal(mock: ReturnType<typeof createTestApi>, email: string, basePath = '') {
  const { accessToken: token } = await mock.register(email)
  const goalId = ((await (await mock.send('POST', '/api/goals', { token, body: { title: 'Files' } })).json()) as { id: string }).id
  async function grant(size: number) {
    const response = await mock.send('POST', `/api/goals/${goalId}/attachments/grants`, { token, body: { fileName: 'a.png', size, contentType: 'image/png' } })
    return response.status === 201 ? ((await response.json()) as UploadGrant) : response
  }
  async function upload(size: number) {
    const granted = await grant(size)
    if (granted instanceof Response) return granted
    return mock.api.handle(
      new Request(`http://api.test${basePath}/api/uploads`, {
        method: 'PUT',
        headers: { 'content-type': 'image/png', 'x-upload-token': granted.uploadToken },
        body: png(size),
      }),
      { basePath },
    )
  }
  const list = async () => (await (await mock.send('GET', `/api/goals/${goalId}/attachments`, { token })).json()) as Attachment[]
  return { token, goalId, grant, upload, list }
}

describe.each(backends)('with the %s store', (backend) => {
  useBackend(backend)

  describe('attachments in the mock', () => {
    it('keeps the instance under its total cap by dropping the oldest files first', async () => {
      const mock = createTestApi({ maxStoredUploadBytes: 1000 })
      const owner = await withGoal(mock, 'files@example.com')
      const first = (await (await owner.upload(600)).json()) as Attachment
      const second = (await (await owner.upload(600)).json()) as Attachment
      expect((await owner.list()).map((a) => a.id)).toEqual([second.id])
      expect(first.id).not.toBe(second.id)
    })

    it("drops an evicted account's files and grants with it", async () => {
      const mock = createTestApi({ maxAccounts: 2 })
      const owner = await withGoal(mock, 'evicted@example.com')
      expect((await owner.upload(100)).status).toBe(201)
      const pending = (await owner.grant(100)) as UploadGrant
      await mock.register('newcomer@example.com')
      expect(await mock.api.context.attachments.usedBytes((await mock.api.context.store.findByEmail('evicted@example.com'))?.user.id ?? '')).toBe(0)
      expect(await mock.api.context.uploadGrants.claim(pending.uploadToken)).toEqual({ ok: false, reason: 'unknown' })
    })

    it("drops a deleted goal's files", async () => {
      const mock = createTestApi()
      const owner = await withGoal(mock, 'goal@example.com')
      expect((await owner.upload(100)).status).toBe(201)
      expect((await mock.send('DELETE', `/api/goals/${owner.goalId}`, { token: owner.token })).status).toBe(204)
      const accountId = (await mock.api.context.store.findByEmail('goal@example.com'))!.user.id
      expect(await mock.api.context.attachments.usedBytes(accountId)).toBe(0)
    })

    it('hands out an upload URL on the mount path, or on the public URL when one is set', async () => {
      const mounted = createTestApi()
      const owner = await withGoal(mounted, 'mounted@example.com', '/dotnet')
      const grant = await mounted.api.handle(
        new Request(`http://api.test/dotnet/api/goals/${owner.goalId}/attachments/grants`, {
          method: 'POST',
          headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ fileName: 'a.png', size: 100, contentType: 'image/png' }),
        }),
        { basePath: '/dotnet' },
      )
      expect(((await grant.json()) as UploadGrant).uploadUrl).toBe('/dotnet/api/uploads')
      const uploaded = await owner.upload(100)
      expect(uploaded.headers.get('location')).toMatch(new RegExp(`^/dotnet/api/goals/${owner.goalId}/attachments/`))

      const withPublicUrl = createTestApi({ publicUrl: 'http://127.0.0.1:5080' })
      expect(((await (await withGoal(withPublicUrl, 'public@example.com')).grant(100)) as UploadGrant).uploadUrl).toBe('http://127.0.0.1:5080/api/uploads')
    })
  })
})

describe('upload settings', () => {
  const key = 'k'.repeat(32)

  it('reads the public URL and the allowed origin, and refuses an origin with a path', () => {
    const config = loadMockConfig({ JWT_SIGNING_KEY: key, DOTNET_API_PUBLIC_URL: 'http://127.0.0.1:5080/', DOTNET_API_ALLOWED_ORIGIN: 'http://localhost:3000' })
    expect(config).toMatchObject({ publicUrl: 'http://127.0.0.1:5080', allowedOrigin: 'http://localhost:3000' })
    expect(() => loadMockConfig({ JWT_SIGNING_KEY: key, DOTNET_API_ALLOWED_ORIGIN: 'http://localhost:3000/app' })).toThrow(/DOTNET_API_ALLOWED_ORIGIN/)
    expect(() => loadMockConfig({ JWT_SIGNING_KEY: key, DOTNET_API_PUBLIC_URL: 'ftp://files.example' })).toThrow(/DOTNET_API_PUBLIC_URL/)
  })
})

describe('sanitizeFileName', () => {
  it('keeps at most 255 UTF-16 units without splitting a surrogate pair', () => {
    const name = `${'a'.repeat(254)}😀.png`
    expect(sanitizeFileName(name)).toBe('a'.repeat(254))
    expect(sanitizeFileName('  \u200b\u202e ')).toBe('attachment')
    expect(sanitizeFileName('report 2025 (final).pdf')).toBe('report 2025 (final).pdf')
  })
})
