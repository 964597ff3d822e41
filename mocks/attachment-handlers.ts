import { http, HttpResponse } from 'msw'
import type { z } from 'zod'
import type { ApiContext } from './api-context'
import { mountPathHeader } from './handle-request'
import { problem } from './problem-details'
import { readJsonBody } from './read-json-body'
import { requireAccount } from './require-account'
import { sanitizeFileName } from './sanitize-file-name'
import { UploadGrantRequest, type Attachment, type UploadGrant } from './schemas'
import type { Account } from './store'
import { toAttachment } from './attachment-store'
import { uploadPath } from './upload-handlers'

type GoalParams = { id: string }
type AttachmentParams = GoalParams & { attachmentId: string }

async function requireGoal(ctx: ApiContext, account: Account, goalId: string): Promise<void> {
  if (!(await ctx.store.findGoal(account.user.id, goalId))) throw problem(404, { detail: 'Goal not found.' })
}

/**
 * The bearer side of Workflow E: the BFF asks for a grant with the user's
 * access token, and lists and downloads attachments the same way. The upload
 * itself, which the browser sends with the grant's token, is upload-handlers.ts.
 */
export function attachmentHandlers(ctx: ApiContext) {
  const { config } = ctx

  return [
    http.post<GoalParams, z.input<typeof UploadGrantRequest>, UploadGrant>('/api/goals/:id/attachments/grants', async ({ request, params }) => {
      // 1. The caller is the BFF, with the user's access token; the goal must be theirs.
      const account = await requireAccount(request, ctx)
      const body = await readJsonBody(request, UploadGrantRequest)
      await requireGoal(ctx, account, params.id)

      // 2. Refuse now what the upload would be refused for, before any bytes move.
      if (body.size > config.maxUploadBytes) {
        throw problem(413, { detail: `A file may be at most ${config.maxUploadBytes} bytes.` })
      }
      if ((await ctx.attachments.usedBytes(account.user.id)) + body.size > config.uploadQuotaBytes) {
        throw problem(409, { detail: `This file would take the account past its quota of ${config.uploadQuotaBytes} bytes.` })
      }

      // 3. A random token bound to account, goal, size and type; only its hash is kept.
      const { token, expiresAt } = await ctx.uploadGrants.issue({
        accountId: account.user.id,
        goalId: params.id,
        fileName: sanitizeFileName(body.fileName),
        size: body.size,
        contentType: body.contentType,
      })
      const mountPath = request.headers.get(mountPathHeader) ?? ''
      const uploadUrl = config.publicUrl ? `${config.publicUrl}${uploadPath}` : `${mountPath}${uploadPath}`
      return HttpResponse.json({ uploadUrl, uploadToken: token, expiresAt: new Date(expiresAt).toISOString() }, { status: 201 })
    }),

    http.get<GoalParams, never, Attachment[]>('/api/goals/:id/attachments', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      await requireGoal(ctx, account, params.id)
      return HttpResponse.json((await ctx.attachments.list(account.user.id, params.id)).map(toAttachment))
    }),

    http.get<AttachmentParams, never, Uint8Array>('/api/goals/:id/attachments/:attachmentId', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      await requireGoal(ctx, account, params.id)
      const attachment = await ctx.attachments.find(account.user.id, params.id, params.attachmentId)
      if (!attachment) throw problem(404, { detail: 'Attachment not found.' })
      return new HttpResponse(attachment.bytes, {
        headers: {
          'Content-Type': attachment.contentType,
          'Content-Length': String(attachment.size),
          // Always a download, never rendered in the API's origin, and never re-typed by the browser.
          'Content-Disposition': contentDisposition(attachment.fileName),
          'X-Content-Type-Options': 'nosniff',
        },
      })
    }),
  ]
}

/**
 * As ASP.NET Core's FileResult writes it (ContentDispositionHeaderValue.SetHttpFileName):
 * an ASCII `filename` with anything else as `_`, and the real name in `filename*` (RFC 5987).
 */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
