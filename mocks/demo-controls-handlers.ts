import { http, HttpResponse } from 'msw'
import type { z } from 'zod'
import type { ApiContext } from './api-context'
import { readJsonBody } from './read-json-body'
import { requireCaller } from './require-account'
import { DemoControlsRequest, type DemoControls } from './schemas'

type NoParams = Record<string, never>

const demoControlsPath = '/api/demo/controls'

/**
 * Demo only, no real API has it: lets a reader make their own session slow or
 * failing (demo-controls-store.ts). Exempt from those controls itself, so a
 * reader who took the API "down" can always bring it back.
 */
export function demoControlsHandlers(ctx: ApiContext) {
  const exempt = { exemptFromDemoControls: true }

  return [
    http.get<NoParams, never, DemoControls>(demoControlsPath, async ({ request }) => {
      const { claims } = await requireCaller(request, ctx, exempt)
      return HttpResponse.json(await ctx.demoControls.read(claims.sid))
    }),

    http.put<NoParams, z.input<typeof DemoControlsRequest>, DemoControls>(demoControlsPath, async ({ request }) => {
      const { account, claims } = await requireCaller(request, ctx, exempt)
      const body = await readJsonBody(request, DemoControlsRequest)
      // PUT replaces: what the body leaves out is switched off.
      const controls = await ctx.demoControls.set(claims.sid, account.user.id, {
        latencyMs: body.latencyMs ?? 0,
        failNextMutations: body.failNextMutations ?? 0,
        failureRate: body.failureRate ?? 0,
        down: body.down ?? false,
      })
      return HttpResponse.json(controls)
    }),

    http.delete<NoParams, never, null>(demoControlsPath, async ({ request }) => {
      const { claims } = await requireCaller(request, ctx, exempt)
      await ctx.demoControls.reset(claims.sid)
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}
