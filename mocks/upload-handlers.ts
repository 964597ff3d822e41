import { randomUUID } from 'node:crypto'
import { http, HttpResponse } from 'msw'
import type { ApiContext } from './api-context'
import { toAttachment } from './attachment-store'
import { createContentSniffer } from './content-sniffer'
import { problem } from './problem-details'
import { uploadContentTypes, type Attachment } from './schemas'
import { createUploadCors } from './upload-cors'

/** The one endpoint the browser calls directly, and so the one with CORS. */
export const uploadPath = '/api/uploads'

/**
 * The token travels in its own header, not in Authorization: that header
 * means an access token on this API, and keeping the two apart means neither
 * can ever be taken for the other (or forwarded by a proxy that passes
 * Authorization on). Never a cookie: the API's origin holds no session.
 */
export const uploadTokenHeader = 'X-Upload-Token'

const claimFailures = {
  unknown: { status: 401, detail: 'The upload token is not valid.' },
  expired: { status: 401, detail: 'The upload token has expired. Ask for a new grant.' },
  used: { status: 403, detail: 'The upload token has already been used. Ask for a new grant.' },
} as const

export function uploadHandlers(ctx: ApiContext) {
  const cors = createUploadCors(ctx.config)

  async function upload(request: Request): Promise<Response> {
    // 0. As ASP.NET Core's routing does for the endpoint's Accepts list: a type no grant can name is refused untouched.
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (!(uploadContentTypes as readonly string[]).includes(mediaType)) return problem(415)

    // 1. The grant's token, claimed at once: one token, one attempt, even when two race.
    const token = request.headers.get(uploadTokenHeader)
    if (!token) return problem(401, { detail: `Send the upload token in the ${uploadTokenHeader} header.` })
    const claim = await ctx.uploadGrants.claim(token)
    if (!claim.ok) return problem(claimFailures[claim.reason].status, { detail: claimFailures[claim.reason].detail })
    const { grant } = claim

    // 2. The goal may have gone since the grant (deleted, or its account evicted).
    const account = await ctx.store.useAccount(grant.accountId)
    if (!account || !(await ctx.store.findGoal(account.user.id, grant.goalId))) return problem(404, { detail: 'Goal not found.' })

    // 3. The body must be what was declared: its type, and no more bytes than its size.
    if (mediaType !== grant.contentType) return problem(415, { detail: `The grant is for ${grant.contentType}; send that Content-Type.` })
    if (Number(request.headers.get('content-length') ?? 0) > grant.size) return tooLarge(grant.size)

    // 4. Stream it in, stopping at the declared size and at the first byte that is not the declared type.
    const sniffer = createContentSniffer(grant.contentType)
    const chunks: Uint8Array[] = []
    let received = 0
    const reader = request.body?.getReader()
    for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
      received += next.value.byteLength
      if (received > grant.size) {
        stopReading(reader!)
        return tooLarge(grant.size)
      }
      if (!sniffer.push(next.value)) {
        stopReading(reader!)
        return notTheDeclaredType(grant.contentType)
      }
      chunks.push(next.value)
    }
    if (received < grant.size) {
      return problem(400, { detail: `The body ended after ${received} of the ${grant.size} bytes the grant declared.` })
    }
    if (!sniffer.finish()) return notTheDeclaredType(grant.contentType)

    // 5. Two grants may each have fit the quota that together do not.
    if ((await ctx.attachments.usedBytes(grant.accountId)) + grant.size > ctx.config.uploadQuotaBytes) {
      return problem(409, { detail: `This file would take the account past its quota of ${ctx.config.uploadQuotaBytes} bytes.` })
    }

    // 6. Only now is anything stored, and attached to the goal.
    const attachment = {
      id: randomUUID(),
      accountId: grant.accountId,
      goalId: grant.goalId,
      fileName: grant.fileName,
      contentType: grant.contentType,
      size: grant.size,
      createdAt: new Date(ctx.clock()).toISOString(),
      bytes: concat(chunks, received),
    }
    await ctx.attachments.add(attachment)
    return HttpResponse.json<Attachment>(toAttachment(attachment), {
      status: 201,
      headers: { Location: new URL(`/api/goals/${grant.goalId}/attachments/${attachment.id}`, request.url).href },
    })
  }

  return [
    http.options(uploadPath, ({ request }) => cors.preflight(request)),
    http.put(uploadPath, async ({ request }) => cors.withCors(request, await upload(request))),
  ]
}

/**
 * Not awaited: MSW hands handlers a clone of the request, and cancelling one
 * branch of a teed stream settles only when the other is cancelled too.
 * Nothing reads further, and the answer goes out at once.
 */
function stopReading(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  reader.cancel().catch(() => {})
}

const tooLarge = (size: number) => problem(413, { detail: `The body is larger than the ${size} bytes the grant declared.` })

const notTheDeclaredType = (contentType: string) =>
  problem(415, { detail: `The file's content is not ${contentType}.` })

function concat(chunks: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
