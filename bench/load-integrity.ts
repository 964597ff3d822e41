// 3. Load with data integrity. Each virtual user registers its own account
// through the BFF, then loops for the duration: login, list, page, create,
// update, delete, refresh, every call through the BFF as the site's own
// script makes it. Each user keeps a model of what its account must hold;
// at the end every account is read back and compared with its model, and
// every goal any user ever saw is checked against the account that made it.
// A call that failed without an answer (a 504 after the BFF's timeout) may
// still have happened at the API: its goal may or may not show the change,
// and only acknowledged writes must be there. A 401 on any step means a user
// was signed out (or lost their account): counted apart, as it must never happen.
// `midway` runs once, halfway through the timed loop, while the users go on
// (the two-instance run restarts an instance there: multi-instance-load.ts).
import os from 'node:os'
import { CookieJar, CSRF, registerThroughBff, send, type BffAnswer } from './bff-client'
import type { BenchServer } from './bench-server'
import { percentiles, round } from './measure-load'

const STEPS = ['login', 'list', 'page', 'create', 'update', 'delete', 'refresh'] as const
type Step = (typeof STEPS)[number]
type Goal = { id: string; title: string; progress: number }

export type LoadIntegrityResult = {
  users: number
  seconds: number
  /** os.loadavg() when the timed loop started: the APIs are loaded one after the other, not at the same moment. */
  loadAverageAtStart?: number[]
  iterations: number
  requests: number
  throughputRps: number
  steps: Record<Step, { count: number; p50: number; p99: number; errors: number }>
  errors: number
  errorSamples: string[]
  /** Answers of 401 (a session or an account gone); absent from runs before it was counted. */
  signedOut?: number
  integrity: { acknowledgedWrites: number; unacknowledgedWrites: number; missingOrWrong: number; foreignGoalsSeen: number; samples: string[] }
  /** The site's server; for the mock, the API runs inside it. */
  rssMiB: RssMiB
  /** The API's own process, when it is a separate one (the .NET API). */
  apiRssMiB?: RssMiB
}

type RssMiB = { before: number; peakDuring: number; endOfLoad: number; afterIdle: number }
type Sampled = { rssBytes: () => number }

export async function measureLoadIntegrity({
  server,
  api,
  users,
  seconds,
  midway,
}: {
  server: Pick<BenchServer, 'url'> & Sampled
  api?: Sampled
  users: number
  seconds: number
  midway?: () => Promise<unknown>
}): Promise<LoadIntegrityResult> {
  const baseUrl = server.url
  const siteRss = rssSampler(server)
  const apiRss = api && rssSampler(api)
  const timings = Object.fromEntries(STEPS.map((step) => [step, [] as number[]])) as Record<Step, number[]>
  const stepErrors = Object.fromEntries(STEPS.map((step) => [step, 0])) as Record<Step, number>
  const errorSamples: string[] = []
  const owner = new Map<string, number>() // goal id → the user whose account it belongs to
  const integritySamples: string[] = []
  let foreignGoalsSeen = 0
  let acknowledgedWrites = 0
  let unacknowledgedWrites = 0
  let signedOut = 0

  // One step: timed, an unexpected status counted as an error (and the step reported as failed).
  const step = async (name: Step, user: number, call: () => Promise<BffAnswer>, expected: number) => {
    const answer = await call().catch((error: Error) => ({ status: 0, body: String(error), ms: 0, setCookies: [] }))
    if (answer.status === expected) timings[name].push(answer.ms)
    else {
      stepErrors[name]++
      if (answer.status === 401) signedOut++
      if (errorSamples.length < 10) errorSamples.push(`user ${user} ${name}: ${answer.status} ${answer.body.slice(0, 160)}`)
    }
    return answer.status === expected ? answer : null
  }
  const claim = (user: number, goals: Goal[]) => {
    for (const goal of goals) {
      const known = owner.get(goal.id)
      if (known === undefined) owner.set(goal.id, user)
      else if (known !== user) {
        foreignGoalsSeen++
        if (integritySamples.length < 10) integritySamples.push(`user ${user} saw goal ${goal.id} of user ${known}`)
      }
    }
  }

  // Accounts first, one at a time as readers would arrive; the clock starts after.
  const run = `${Date.now().toString(36)}`
  // `unsure`: what a failed call may have done anyway. Created titles, updated ids (with the progress sent), deleted ids.
  type Unsure = { createdTitles: Set<string>; progress: Map<string, number>; deleted: Set<string> }
  const accounts: { email: string; jar: CookieJar; model: Map<string, Goal>; unsure: Unsure }[] = []
  for (let user = 0; user < users; user++) {
    const email = `bench-${run}-${user}@example.com`
    const jar = await registerThroughBff(baseUrl, email)
    const model = new Map<string, Goal>()
    for (const goal of await readAllOrThrow(baseUrl, jar)) model.set(goal.id, { id: goal.id, title: goal.title, progress: goal.progress })
    claim(user, [...model.values()])
    accounts.push({ email, jar, model, unsure: { createdTitles: new Set(), progress: new Map(), deleted: new Set() } })
  }

  const sampler = setInterval(() => {
    siteRss.sample()
    apiRss?.sample()
  }, 500)
  const loadAverageAtStart = os.loadavg().map((n) => round(n, 2))
  const started = performance.now()
  const deadline = Date.now() + seconds * 1000
  let iterations = 0
  const halfway = midway && new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2)).then(midway)

  await Promise.all(
    accounts.map(async (account, user) => {
      for (let i = 0; Date.now() < deadline; i++) {
        iterations++
        const login = await step('login', user, () => send(`${baseUrl}/api/auth/login`, { method: 'POST', headers: CSRF, body: { email: account.email, password: 'benchmark-password' } }), 200)
        if (!login) continue
        const jar = new CookieJar()
        jar.take(login.setCookies)
        const cookie = () => ({ cookie: jar.header() })

        for (const [name, page] of [['list', 1], ['page', 2]] as const) {
          const listed = await step(name, user, () => send(`${baseUrl}/api/proxy/goals?page=${page}&pageSize=10`, { headers: cookie() }), 200)
          if (listed) claim(user, JSON.parse(listed.body).items)
        }

        const title = `u${user} i${i}`
        const created = await step('create', user, () => send(`${baseUrl}/api/proxy/goals`, { method: 'POST', headers: { ...CSRF, ...cookie() }, body: { title } }), 201)
        if (created) {
          const goal = JSON.parse(created.body) as Goal
          claim(user, [goal])
          account.model.set(goal.id, { id: goal.id, title, progress: 0 })
          acknowledgedWrites++
          const progress = (i % 100) + 1
          const updated = await step('update', user, () => send(`${baseUrl}/api/proxy/goals/${goal.id}`, { method: 'PATCH', headers: { ...CSRF, ...cookie() }, body: { progress } }), 200)
          if (updated) {
            account.model.set(goal.id, { id: goal.id, title, progress })
            acknowledgedWrites++
          } else {
            unacknowledgedWrites++
            account.unsure.progress.set(goal.id, progress)
          }
        } else {
          unacknowledgedWrites++
          account.unsure.createdTitles.add(title)
        }

        // Delete the oldest goal the model holds, so each account stays at its size (under the 100-goal cap).
        const oldest = account.model.keys().next().value
        if (oldest) {
          const deleted = await step('delete', user, () => send(`${baseUrl}/api/proxy/goals/${oldest}`, { method: 'DELETE', headers: { ...CSRF, ...cookie() } }), 204)
          // Failed or not, it leaves the model: a retry of a delete that did happen would be a 404.
          account.model.delete(oldest)
          if (deleted) acknowledgedWrites++
          else {
            unacknowledgedWrites++
            account.unsure.deleted.add(oldest)
          }
        }

        const refreshed = await step('refresh', user, () => send(`${baseUrl}/api/auth/refresh`, { method: 'POST', headers: { ...CSRF, ...cookie() } }), 204)
        if (refreshed) jar.take(refreshed.setCookies)
        account.jar = jar
      }
    }),
  )
  // The users stop at the deadline whatever midway is doing; its own end is waited for (after the clock).
  const elapsed = (performance.now() - started) / 1000
  await halfway
  clearInterval(sampler)
  siteRss.endOfLoad()
  apiRss?.endOfLoad()

  // Read every account back: exactly its model, no more, no less.
  let missingOrWrong = 0
  for (const [user, account] of accounts.entries()) {
    const read = await readAll(baseUrl, account.jar)
    // Not readable with the user's last cookies: signed out, and nothing of the model can be confirmed.
    if (!('goals' in read)) {
      if (read.status === 401) signedOut++
      missingOrWrong += account.model.size
      if (integritySamples.length < 10) integritySamples.push(`user ${user}: reading back answered ${read.status} ${read.body.slice(0, 160)}`)
      continue
    }
    const { goals } = read
    claim(user, goals)
    const actual = new Map(goals.map((goal) => [goal.id, goal]))
    const { unsure } = account
    for (const expected of account.model.values()) {
      const found = actual.get(expected.id)
      const progressOk = found && (found.progress === expected.progress || unsure.progress.get(expected.id) === found.progress)
      if (!found || found.title !== expected.title || !progressOk) {
        missingOrWrong++
        if (integritySamples.length < 10) integritySamples.push(`user ${user}: ${JSON.stringify(expected)} is ${found ? JSON.stringify(found) : 'missing'}`)
      }
    }
    for (const [id, goal] of actual) {
      if (!account.model.has(id) && !unsure.createdTitles.has(goal.title) && !unsure.deleted.has(id)) {
        missingOrWrong++
        if (integritySamples.length < 10) integritySamples.push(`user ${user}: goal ${id} should have been deleted`)
      }
    }
  }

  // Idle for a few seconds, so the number is what the server keeps, not what it is still freeing.
  await new Promise((resolve) => setTimeout(resolve, 5000))
  const steps = Object.fromEntries(STEPS.map((name) => [name, { count: timings[name].length, ...percentiles(timings[name]), errors: stepErrors[name] }])) as LoadIntegrityResult['steps']
  const requests = STEPS.reduce((sum, name) => sum + timings[name].length + stepErrors[name], 0)
  return {
    users,
    seconds,
    loadAverageAtStart,
    iterations,
    requests,
    throughputRps: round(requests / elapsed, 1),
    steps,
    errors: STEPS.reduce((sum, name) => sum + stepErrors[name], 0),
    errorSamples,
    signedOut,
    integrity: { acknowledgedWrites, unacknowledgedWrites, missingOrWrong, foreignGoalsSeen, samples: integritySamples },
    rssMiB: siteRss.afterIdle(),
    ...(apiRss && { apiRssMiB: apiRss.afterIdle() }),
  }
}

/** Resident memory of one process tree: before, the peak while sampled, at the end of the load and after idling. */
function rssSampler(target: Sampled) {
  const mib = (bytes: number) => round(bytes / 2 ** 20, 1)
  const before = target.rssBytes()
  let peak = before
  let end = before
  return {
    sample: () => (peak = Math.max(peak, target.rssBytes())),
    endOfLoad: () => (end = target.rssBytes()),
    afterIdle: (): RssMiB => ({ before: mib(before), peakDuring: mib(peak), endOfLoad: mib(end), afterIdle: mib(target.rssBytes()) }),
  }
}

async function readAll(baseUrl: string, jar: CookieJar): Promise<{ goals: Goal[] } | { status: number; body: string }> {
  const goals: Goal[] = []
  for (let page = 1; ; page++) {
    const answer = await send(`${baseUrl}/api/proxy/goals?page=${page}&pageSize=50`, { headers: { cookie: jar.header() } })
    if (answer.status !== 200) return answer
    const body = JSON.parse(answer.body) as { items: Goal[]; hasMore: boolean }
    goals.push(...body.items)
    if (!body.hasMore) return { goals }
  }
}

async function readAllOrThrow(baseUrl: string, jar: CookieJar): Promise<Goal[]> {
  const read = await readAll(baseUrl, jar)
  if ('goals' in read) return read.goals
  throw new Error(`reading goals back: ${read.status} ${read.body.slice(0, 200)}`)
}
