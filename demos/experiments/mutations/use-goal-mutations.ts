import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createGoal, type Goal, updateGoal } from './fake-api'
import { goalsQuery } from './goals-query'

type Report = (message: string) => void

/** Shows a new goal at once, marked as saving; takes it out again if the API refuses. */
export function useCreateGoal(report: Report) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createGoal,
    async onMutate(title) {
      // 1. Stop in-flight list fetches, so an older answer cannot overwrite the new goal.
      await queryClient.cancelQueries({ queryKey: goalsQuery.queryKey })
      // 2. Keep what the list held, for the rollback.
      const previous = queryClient.getQueryData(goalsQuery.queryKey)
      // 3. Show the goal now.
      const temporary: Goal = { id: `temp-${Date.now()}`, title, done: false, saving: true }
      queryClient.setQueryData(goalsQuery.queryKey, (goals = []) => [...goals, temporary])
      return { previous }
    },
    onError(error, title, context) {
      // 4. The API refused: restore the snapshot and say what failed.
      queryClient.setQueryData(goalsQuery.queryKey, context?.previous)
      report(`Could not add "${title}": ${error.message} It was taken out again.`)
    },
    // 5. Success or not, refetch so the list matches the server.
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalsQuery.queryKey }),
  })
}

/** Ticks a goal at once; unticks it if the API refuses. The same five steps. */
export function useToggleGoal(report: Report) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => updateGoal(id, { done }),
    async onMutate({ id, done }) {
      await queryClient.cancelQueries({ queryKey: goalsQuery.queryKey })
      const previous = queryClient.getQueryData(goalsQuery.queryKey)
      queryClient.setQueryData(goalsQuery.queryKey, (goals = []) => goals.map((goal) => (goal.id === id ? { ...goal, done, saving: true } : goal)))
      return { previous }
    },
    onError(error, { done }, context) {
      queryClient.setQueryData(goalsQuery.queryKey, context?.previous)
      report(`Could not mark the goal ${done ? 'done' : 'not done'}: ${error.message} The change was undone.`)
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalsQuery.queryKey }),
  })
}
