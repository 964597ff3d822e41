import { randomUUID } from 'node:crypto'
import { http, HttpResponse } from 'msw'
import type { z } from 'zod'
import type { ApiContext } from './api-context'
import { bearerChallenge, problem, zodErrorsToProblem } from './problem-details'
import { readJsonBody } from './read-json-body'
import { requireAccount } from './require-account'
import {
  CreateGoalRequest,
  GoalListQuery,
  ReplaceGoalRequest,
  UpdateGoalRequest,
  type Goal,
  type GoalPage,
} from './schemas'
import { pageGoals, type Account, type GoalChanges } from './store'

type GoalParams = { id: string }

/**
 * Unknown ids and other accounts' goals get the same 404, so a client cannot
 * learn whether an id exists. Malformed ids are simply unknown.
 */
const goalNotFound = () => problem(404, { detail: 'Goal not found.' })

export function goalHandlers(ctx: ApiContext) {
  const { store } = ctx
  const now = () => new Date(ctx.clock()).toISOString()

  /** One step in the store: a goal deleted meanwhile, on any instance, is not written back. */
  async function update(account: Account, id: string, changes: GoalChanges): Promise<Goal> {
    const goal = await store.updateGoal(account.user.id, id, { ...changes, updatedAt: now() })
    if (!goal) throw goalNotFound()
    return goal
  }

  return [
    http.get<Record<string, never>, never, GoalPage>('/api/goals', async ({ request }) => {
      const account = await requireAccount(request, ctx)
      const query = GoalListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true })
      if (!query.success) throw zodErrorsToProblem(query.error)
      return HttpResponse.json(pageGoals(await store.listGoals(account.user.id), query.data))
    }),

    http.post<Record<string, never>, z.input<typeof CreateGoalRequest>, Goal>('/api/goals', async ({ request }) => {
      const account = await requireAccount(request, ctx)
      const body = await readJsonBody(request, CreateGoalRequest)
      const timestamp = now()
      const goal: Goal = {
        id: randomUUID(),
        title: body.title,
        description: body.description ?? '',
        status: body.status ?? 'active',
        progress: body.progress ?? 0,
        createdAt: timestamp,
        updatedAt: timestamp,
      }
      const added = await store.addGoal(account.user.id, goal, ctx.config.maxGoalsPerAccount)
      if (added === 'full') throw problem(409, { detail: `An account can hold at most ${ctx.config.maxGoalsPerAccount} goals.` })
      // Evicted since its token was checked: as requireAccount answers for an evicted account.
      if (added === 'gone') throw bearerChallenge({})
      return HttpResponse.json(goal, {
        status: 201,
        headers: { Location: new URL(`/api/goals/${goal.id}`, request.url).href },
      })
    }),

    http.get<GoalParams, never, Goal>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      const goal = await store.findGoal(account.user.id, params.id)
      if (!goal) throw goalNotFound()
      return HttpResponse.json(goal)
    }),

    http.put<GoalParams, z.input<typeof ReplaceGoalRequest>, Goal>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      const body = await readJsonBody(request, ReplaceGoalRequest)
      return HttpResponse.json(await update(account, params.id, body))
    }),

    http.patch<GoalParams, z.input<typeof UpdateGoalRequest>, Goal>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      // zod leaves absent keys out, so only what was sent is changed.
      const changes = await readJsonBody(request, UpdateGoalRequest)
      return HttpResponse.json(await update(account, params.id, changes))
    }),

    http.delete<GoalParams, never, null>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      if (!(await store.deleteGoal(account.user.id, params.id))) throw goalNotFound()
      await ctx.attachments.dropGoal(account.user.id, params.id)
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}
