import { fieldLimits } from './mock-config'

// C0 and C1 controls, bidirectional overrides and isolates, zero-width characters and direction
// marks, line and paragraph separators: the characters titlePattern refuses in a title.
const invisible = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g

/** What a name with nothing left in it is shown as. */
export const fallbackFileName = 'attachment'

/**
 * A client's file name, made into display text: the last path segment only
 * (`../../etc/passwd` and `C:\Users\x\a.png` keep `passwd` and `a.png`),
 * without invisible characters, trimmed, and at most 255 UTF-16 units without
 * splitting a surrogate pair. It is never used as a path: files are stored
 * under ids. dotnet/Api/Attachments/FileNames.cs does exactly the same.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).at(-1) ?? ''
  let name = lastSegment.replace(invisible, '').trim()
  if (name.length > fieldLimits.storedFileNameMax) {
    name = name.slice(0, fieldLimits.storedFileNameMax)
    if (/[\ud800-\udbff]$/.test(name)) name = name.slice(0, -1)
  }
  return name === '' || name === '.' || name === '..' ? fallbackFileName : name
}
