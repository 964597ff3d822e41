import { queryOptions } from '@tanstack/react-query'
import { fetchGoals } from './fake-api'

/** One definition for both sides. The server spreads it and swaps only queryFn (server-render.ts). */
export const goalsQuery = queryOptions({
  queryKey: ['goals'],
  queryFn: () => fetchGoals('browser'),
})
