// 3b. The load run on more than one instance: the same users and steps as
// load-integrity.ts, on two instances of the site (the mock inside each) that
// share one Redis, behind a round-robin with no sticky sessions
// (scripts/multi/start-instances.mjs). Two phases in one run, on the same
// processes: every request to instance A, then requests taking turns between
// A and B, with A stopped by its PID and started again halfway through. The
// second phase must end as the first: no acknowledged write lost, no user
// signed out. Two against one is their throughput, measured minutes apart.
import { BENCH_SERVER_ENV, processTreeRss } from './bench-server'
import { measureLoadIntegrity, type LoadIntegrityResult } from './load-integrity'
import { round } from './measure-load'

export type MultiInstanceLoadResult = {
  /** The API inside each instance, and where the instances keep their shared state. */
  api: 'mock'
  store: 'redis'
  oneInstance: LoadIntegrityResult
  twoInstances: LoadIntegrityResult
  /** Instance A, stopped (SIGTERM to its PID) and started again halfway through the two-instance phase. */
  restart: { instance: 'a'; atSecond: number; stoppedMs: number; startedMs: number }
  /** Requests the balancer sent to each instance in the two-instance phase (the restart's gap included). */
  servedBy: Record<string, number>
  /** Two instances' throughput ÷ one instance's. */
  twoOverOneThroughput: number
}

// scripts/multi/start-instances.mjs is plain JavaScript (typed by JSDoc), outside what tsc checks.
type Instance = { name: string; url: string; pid: () => number; restart: () => Promise<{ stoppedMs: number; startedMs: number }> }
type StartInstances = (options: { env?: Record<string, string> }) => Promise<{
  url: string
  instances: Record<'a' | 'b', Instance>
  balancer: { served: Record<string, number>; only: (name: string | null) => void }
  logs: () => string
  stop: () => Promise<void>
}>

export async function measureMultiInstanceLoad({ users, seconds }: { users: number; seconds: number }): Promise<MultiInstanceLoadResult> {
  const modulePath = new URL('../scripts/multi/start-instances.mjs', import.meta.url).href
  const { startInstances } = (await import(modulePath)) as { startInstances: StartInstances }
  // The benchmark's limits and key (BENCH_SERVER_ENV), on both instances alike.
  const site = await startInstances({ env: { ...BENCH_SERVER_ENV } })
  const { a, b } = site.instances
  const rss = (...instances: Instance[]) => () => instances.reduce((sum, instance) => sum + processTreeRss(instance.pid()), 0)
  try {
    console.log(`Two instances (a ${a.url}, b ${b.url}) behind ${site.url}: one-instance phase first`)
    // 1. One instance: the balancer sends everything to A; B stands by.
    site.balancer.only('a')
    const oneInstance = await measureLoadIntegrity({ server: { url: site.url, rssBytes: rss(a) }, users, seconds })

    // 2. Two instances, taking turns, and A restarted halfway while the users go on.
    site.balancer.only(null)
    const servedBefore = { ...site.balancer.served }
    let restart: MultiInstanceLoadResult['restart'] | undefined
    const twoInstances = await measureLoadIntegrity({
      server: { url: site.url, rssBytes: rss(a, b) },
      users,
      seconds,
      midway: async () => {
        const atSecond = round(seconds / 2, 1)
        console.log(`Restarting instance a (pid ${a.pid()}) at ${atSecond} s`)
        restart = { instance: 'a', atSecond, ...(await a.restart()) }
        console.log(`Instance a is back (pid ${a.pid()}): stopped in ${restart.stoppedMs} ms, started in ${restart.startedMs} ms`)
      },
    })
    const servedBy = Object.fromEntries(Object.entries(site.balancer.served).map(([name, count]) => [name, count - (servedBefore[name] ?? 0)]))
    if (!restart) throw new Error('instance a was not restarted during the two-instance phase')
    return {
      api: 'mock',
      store: 'redis',
      oneInstance,
      twoInstances,
      restart,
      servedBy,
      twoOverOneThroughput: round(twoInstances.throughputRps / oneInstance.throughputRps, 2),
    }
  } catch (error) {
    console.error(`The instances' logs:\n${site.logs()}`)
    throw error
  } finally {
    await site.stop()
  }
}

/** What must never happen in either phase: a lost acknowledged write, another user's goal, a user signed out. */
export function multiInstanceFailures(result: MultiInstanceLoadResult): string[] {
  const failures: string[] = []
  for (const [phase, load] of [['one instance', result.oneInstance], ['two instances, A restarted', result.twoInstances]] as const) {
    const { missingOrWrong, foreignGoalsSeen } = load.integrity
    if (missingOrWrong) failures.push(`load (${phase}): ${missingOrWrong} acknowledged writes missing or wrong at the end`)
    if (foreignGoalsSeen) failures.push(`load (${phase}): ${foreignGoalsSeen} goals seen by a user they do not belong to`)
    if (load.signedOut) failures.push(`load (${phase}): ${load.signedOut} answers signed a user out (401)`)
  }
  return failures
}
