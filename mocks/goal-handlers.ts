import { randomUUID } from 'node:crypto'
import { http, HttpResponse } from 'msw'
import type { z } from 'zod'
import type { ApiContext } from './api-context'
import { problem, zodErrorsToProblem } from './problem-details'
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
import { pageGoals, type Account } from './store'

type GoalParams = { id: string }

/**
 * Unknown ids and other accounts' goals get the same 404, so a client cannot
 * learn whether an id exists. Malformed ids are simply unknown.
 */
function findGoal(account: Account, id: string): Goal {
  const goal = account.goals.get(id)
  if (!goal) throw problem(404, { detail: 'Goal not found.' })
  return goal
}

export function goalHandlers(ctx: ApiContext) {
  const now = () => new Date(ctx.clock()).toISOString()

  function save(account: Account, goal: Goal): Goal {
    account.goals.set(goal.id, goal)
    return goal
  }

  return [
    http.get<Record<string, never>, never, GoalPage>('/api/goals', async ({ request }) => {
      const account = await requireAccount(request, ctx)
      const query = GoalListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true })
      if (!query.success) throw zodErrorsToProblem(query.error)
      return HttpResponse.json(pageGoals(account.goals.values(), query.data))
    }),

    http.post<Record<string, never>, z.input<typeof CreateGoalRequest>, Goal>('/api/goals', async ({ request }) => {
      const account = await requireAccount(request, ctx)
      const body = await readJsonBody(request, CreateGoalRequest)
      if (account.goals.size >= ctx.config.maxGoalsPerAccount) {
        throw problem(409, { detail: `An account can hold at most ${ctx.config.maxGoalsPerAccount} goals.` })
      }
      const timestamp = now()
      const goal = save(account, {
        id: randomUUID(),
        title: body.title,
        description: body.description ?? '',
        status: body.status ?? 'active',
        progress: body.progress ?? 0,
        createdAt: timestamp,
        updatedAt: timestamp,
      })
      return HttpResponse.json(goal, {
        status: 201,
        headers: { Location: new URL(`/api/goals/${goal.id}`, request.url).href },
      })
    }),

    http.get<GoalParams, never, Goal>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      return HttpResponse.json(findGoal(account, params.id))
    }),

    http.put<GoalParams, z.input<typeof ReplaceGoalRequest>, Goal>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      const body = await readJsonBody(request, ReplaceGoalRequest)
      const goal = findGoal(account, params.id)
      return HttpResponse.json(save(account, { ...goal, ...body, updatedAt: now() }))
    }),

    http.patch<GoalParams, z.input<typeof UpdateGoalRequest>, Goal>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      const changes = await readJsonBody(request, UpdateGoalRequest)
      const goal = findGoal(account, params.id)
      // zod leaves absent keys out, so spreading only overwrites what was sent.
      return HttpResponse.json(save(account, { ...goal, ...changes, updatedAt: now() }))
    }),

    http.delete<GoalParams, never, null>('/api/goals/:id', async ({ request, params }) => {
      const account = await requireAccount(request, ctx)
      findGoal(account, params.id)
      account.goals.delete(params.id)
      ctx.attachments.dropGoal(params.id)
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}
