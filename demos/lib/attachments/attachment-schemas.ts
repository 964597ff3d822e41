import { z } from 'zod'
import type { components } from '@/demos/lib/api/dotnet-api'

type Schemas = components['schemas']

/**
 * The types a grant may name, as the API's document lists them. The API
 * checks each file's first bytes against its declared type, so this list is
 * a courtesy to the reader (an early, clear message), not the check itself.
 */
export const UPLOAD_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/pdf',
  'application/zip',
  'text/plain',
  'text/csv',
] as const satisfies readonly Schemas['UploadGrantRequest']['contentType'][]

export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number]

export function isUploadContentType(type: string): type is UploadContentType {
  return (UPLOAD_CONTENT_TYPES as readonly string[]).includes(type)
}

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  createdAt: z.string(),
}) satisfies z.ZodType<Schemas['Attachment']>

export const attachmentListSchema = z.array(attachmentSchema)

/** The grant the BFF relays: where to send the file, and the single-use token to send with it. */
export const uploadGrantSchema = z.object({
  uploadUrl: z.string().min(1),
  uploadToken: z.string().min(1),
  expiresAt: z.string(),
}) satisfies z.ZodType<Schemas['UploadGrant']>

export type Attachment = z.infer<typeof attachmentSchema>
export type UploadGrant = z.infer<typeof uploadGrantSchema>
