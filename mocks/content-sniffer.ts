import type { uploadContentTypes } from './schemas'

type UploadContentType = (typeof uploadContentTypes)[number]

// The signatures each binary type must start with (any one of them).
const signatures: Partial<Record<UploadContentType, number[][]>> = {
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/gif': [
    [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], // GIF87a
    [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
  ],
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  'application/zip': [
    [0x50, 0x4b, 0x03, 0x04], // a local file header
    [0x50, 0x4b, 0x05, 0x06], // an empty archive
  ],
}

const signatureLength = 8

export interface ContentSniffer {
  /** False as soon as the bytes so far cannot be the declared type. */
  push(chunk: Uint8Array): boolean
  /** Whether the whole body was the declared type. */
  finish(): boolean
}

/**
 * Checks a body against its declared type while it streams, so a renamed
 * executable is refused before it is stored: binary types by their magic
 * number, text types as valid UTF-8 without NUL. The same rules as
 * dotnet/Api/Attachments/ContentSniffer.cs.
 */
export function createContentSniffer(contentType: UploadContentType): ContentSniffer {
  const expected = signatures[contentType]
  if (expected) return signatureSniffer(expected)
  return textSniffer()
}

function signatureSniffer(expected: number[][]): ContentSniffer {
  const head: number[] = []
  const matches = () => expected.some((signature) => signature.every((byte, i) => i >= head.length || head[i] === byte))
  return {
    push(chunk) {
      for (const byte of chunk.subarray(0, signatureLength - head.length)) head.push(byte)
      return matches()
    },
    // A body shorter than its signature cannot be the type.
    finish: () => matches() && expected.some((signature) => head.length >= signature.length),
  }
}

function textSniffer(): ContentSniffer {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let valid = true
  const decode = (chunk?: Uint8Array) => {
    try {
      // `stream` keeps a character split across chunks for the next one.
      decoder.decode(chunk, { stream: chunk !== undefined })
      return true
    } catch {
      return false
    }
  }
  return {
    push(chunk) {
      valid &&= !chunk.includes(0) && decode(chunk)
      return valid
    },
    // A body ending inside a multi-byte character is not valid UTF-8.
    finish: () => valid && decode(),
  }
}
