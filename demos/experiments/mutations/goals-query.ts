import { queryOptions } from '@tanstack/react-query'
import { fetchGoals } from './fake-api'

export const goalsQuery = queryOptions({
  queryKey: ['goals'],
  queryFn: fetchGoals,
})
