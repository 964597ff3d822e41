import { describe, expect, it } from 'vitest'
import { createContentSniffer } from '@/mocks/content-sniffer'
import type { uploadContentTypes } from '@/mocks/schemas'

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]

/** The network decides where chunks split; the verdict must not depend on it. */
function sniff(contentType: (typeof uploadContentTypes)[number], body: Uint8Array | number[], chunkSize: number): boolean {
  const bytes = Uint8Array.from(body)
  const sniffer = createContentSniffer(contentType)
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    if (!sniffer.push(bytes.subarray(offset, offset + chunkSize))) return false
  }
  return sniffer.finish()
}

describe('createContentSniffer', () => {
  it.each([1, 3, 64])('accepts a signature or a character split across %i-byte chunks', (chunkSize) => {
    expect(sniff('image/png', png, chunkSize)).toBe(true)
    expect(sniff('text/csv', new TextEncoder().encode('name,note\nZoë,☕ 😀\n'), chunkSize)).toBe(true)
  })

  it.each([1, 64])('refuses bytes that are not the type, in %i-byte chunks', (chunkSize) => {
    expect(sniff('image/png', [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], chunkSize)).toBe(false)
    expect(sniff('image/png', png.slice(0, 5), chunkSize)).toBe(false)
    expect(sniff('text/plain', [0x68, 0x69, 0x00], chunkSize)).toBe(false)
    expect(sniff('text/plain', [0x68, 0xff, 0x69], chunkSize)).toBe(false)
    // Ends in the middle of "é".
    expect(sniff('text/plain', [0x68, 0xc3], chunkSize)).toBe(false)
  })
})
