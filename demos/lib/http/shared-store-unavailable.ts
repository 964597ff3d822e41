import 'server-only'
import { problem } from './problem'

/**
 * The BFF's answer while its shared store (Redis) is down. Never a fallback
 * to this process's memory: a second instance would keep its own counters and
 * locks, and the state would split between them without anyone noticing.
 */
export function sharedStoreUnavailable(): Response {
  return problem(
    { status: 503, title: 'Service unavailable', detail: 'The site’s shared store is not reachable. Try again in a few seconds.' },
    { 'Retry-After': '5' },
  )
}
