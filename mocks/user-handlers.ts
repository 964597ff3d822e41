import { http, HttpResponse } from 'msw'
import type { ApiContext } from './api-context'
import { requireAccount } from './require-account'
import type { User } from './schemas'

export function userHandlers(ctx: ApiContext) {
  return [
    http.get<Record<string, never>, never, User>('/api/users/me', async ({ request }) => {
      const account = await requireAccount(request, ctx)
      return HttpResponse.json(account.user)
    }),
  ]
}
