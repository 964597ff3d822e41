import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Goal, GoalEdit, GoalListParams, GoalPage, NewGoal } from './goal-schemas'
import { createGoal, deleteGoal, updateGoal } from './goals-api'
import { goalKeys } from './goals-query'

type Snapshot = [QueryKey, GoalPage | undefined][]
type Report = (message: string) => void

// #region optimistic-update
/** Edits a goal everywhere it is cached, at once; puts every list back if the API refuses. */
export function useUpdateGoal(report: Report) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<GoalEdit> }) => updateGoal(id, changes),
    async onMutate({ id, changes }) {
      // 1. Stop in-flight list fetches, so an older answer cannot overwrite the edit.
      await queryClient.cancelQueries({ queryKey: goalKeys.lists() })
      // 2. Keep what the lists held, for the rollback.
      const snapshot: Snapshot = queryClient.getQueriesData<GoalPage>({ queryKey: goalKeys.lists() })
      // 3. Apply the edit to every cached page that shows the goal.
      queryClient.setQueriesData<GoalPage>({ queryKey: goalKeys.lists() }, (page) =>
        page && { ...page, items: page.items.map((goal) => (goal.id === id ? { ...goal, ...changes } : goal)) },
      )
      return { snapshot }
    },
    onError(error, { changes }, context) {
      // 4. The API refused: restore the snapshot and say what failed.
      context?.snapshot.forEach(([key, page]) => queryClient.setQueryData(key, page))
      report(`Could not save ${changes.title ? `"${changes.title}"` : 'the change'}: ${error.message} The change was undone.`)
    },
    // 5. Success or not, refetch so the lists match the server.
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalKeys.all }),
  })
}
// #endregion optimistic-update

/** Removes a goal at once; brings it back if the API refuses. */
export function useDeleteGoal(report: Report) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (goal: Goal) => deleteGoal(goal.id),
    async onMutate(goal) {
      await queryClient.cancelQueries({ queryKey: goalKeys.lists() })
      const snapshot: Snapshot = queryClient.getQueriesData<GoalPage>({ queryKey: goalKeys.lists() })
      queryClient.setQueriesData<GoalPage>({ queryKey: goalKeys.lists() }, (page) =>
        page && { ...page, items: page.items.filter((item) => item.id !== goal.id), totalCount: page.totalCount - 1 },
      )
      return { snapshot }
    },
    onError(error, goal, context) {
      context?.snapshot.forEach(([key, page]) => queryClient.setQueryData(key, page))
      report(`Could not delete "${goal.title}": ${error.message} It is back in the list.`)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalKeys.all }),
  })
}

// #region optimistic-create
/**
 * Shows the new goal at the top of the list the reader is looking at, as a
 * temporary item, until the API's answer replaces it.
 */
export function useCreateGoal(view: GoalListParams, report: Report) {
  const queryClient = useQueryClient()
  const key = goalKeys.list(view)
  // A new goal is active and newest, so it belongs on page 1 of "all" or "active".
  const showsNewGoals = view.page === 1 && view.status !== 'completed'
  return useMutation({
    mutationFn: (input: NewGoal) => createGoal(input),
    async onMutate(input) {
      await queryClient.cancelQueries({ queryKey: goalKeys.lists() })
      const previous = queryClient.getQueryData<GoalPage>(key)
      const now = new Date().toISOString()
      const temporary: Goal = { id: `temp-${crypto.randomUUID()}`, ...input, status: 'active', progress: 0, createdAt: now, updatedAt: now }
      if (showsNewGoals) {
        queryClient.setQueryData<GoalPage>(key, (page) =>
          page && { ...page, items: [temporary, ...page.items].slice(0, page.pageSize), totalCount: page.totalCount + 1 },
        )
      }
      return { previous, temporaryId: temporary.id }
    },
    onSuccess(goal, _input, context) {
      // Swap the temporary item for the server's, keeping its place.
      queryClient.setQueryData<GoalPage>(key, (page) =>
        page && { ...page, items: page.items.map((item) => (item.id === context?.temporaryId ? goal : item)) },
      )
    },
    onError(error, input, context) {
      queryClient.setQueryData(key, context?.previous)
      report(`Could not create "${input.title}": ${error.message} It was removed from the list.`)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalKeys.all }),
  })
}
// #endregion optimistic-create

export const isTemporary = (goal: Goal) => goal.id.startsWith('temp-')
