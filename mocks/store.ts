import { randomUUID } from 'node:crypto'
import type { Clock } from './clock'
import type { PasswordHash } from './passwords'
import type { Goal, GoalPage, GoalStatus, User } from './schemas'
import { seedGoals } from './seed-goals'

/** The one documented account. It is never evicted. */
export const demoAccount = {
  email: 'demo@example.com',
  password: 'demo-password',
  name: 'Demo Reader',
} as const

export interface Account {
  user: User
  password: PasswordHash
  isDemo: boolean
  /** The client network that registered it (see clientNetwork); none for the demo account. */
  registeredBy?: string
}

export interface NewAccount {
  name: string
  email: string
  password: PasswordHash
  isDemo?: boolean
  registeredBy?: string
}

/** What a PUT or PATCH may change; the id and creation time never do. */
export type GoalChanges = Partial<Omit<Goal, 'id' | 'createdAt'>>

/**
 * Accounts and their goals. Two implementations: this file's, in process
 * memory (the default and the reference behaviour), and redis-store.ts's,
 * shared by every instance on one Redis (REDIS_URL).
 */
export interface Store {
  /** Undefined when the email is taken, checked and claimed in one step. */
  addAccount(input: NewAccount): Promise<Account | undefined>
  findByEmail(email: string): Promise<Account | undefined>
  /** Looks an account up for a request made on its behalf, which counts as use. */
  useAccount(userId: string): Promise<Account | undefined>
  countAccounts(): Promise<number>
  listGoals(userId: string): Promise<Goal[]>
  findGoal(userId: string, goalId: string): Promise<Goal | undefined>
  /** 'full' when the account already holds `maxGoals` (the check and the write are one step); 'gone' when it was evicted. */
  addGoal(userId: string, goal: Goal, maxGoals: number): Promise<'added' | 'full' | 'gone'>
  /** The goal after the change, or undefined when it does not exist (any more). */
  updateGoal(userId: string, goalId: string, changes: GoalChanges): Promise<Goal | undefined>
  deleteGoal(userId: string, goalId: string): Promise<boolean>
}

export interface StoreOptions {
  maxAccounts: number
  clock: Clock
  /** Lets the owner drop everything else tied to an evicted account (its refresh tokens). */
  onEvict?: (userId: string) => Promise<void>
}

/** A new account's fields and its seeded goals; both implementations build accounts here. */
export function newAccount(input: NewAccount, now: number): { account: Account; goals: Goal[] } {
  const user: User = { id: randomUUID(), name: input.name, email: input.email, role: 'user' }
  return {
    account: { user, password: input.password, isDemo: input.isDemo ?? false, registeredBy: input.registeredBy },
    goals: seedGoals(now),
  }
}

interface Entry {
  account: Account
  goals: Map<string, Goal>
}

/**
 * Accounts and their goals, in memory. The accounts map doubles as the LRU
 * list: touching an account moves it to the end, so eviction takes the first
 * throwaway account it meets. A registration at the cap evicts the
 * registering client's own least recently used account when it has one, so a
 * flood from one address churns through its own accounts, not readers'. The
 * store lives as long as the instance that owns it; dotnet-api.ts keeps the
 * site's instance on globalThis.
 */
export function createStore({ maxAccounts, clock, onEvict }: StoreOptions): Store {
  const entries = new Map<string, Entry>()
  const idsByEmail = new Map<string, string>()

  function touch(entry: Entry): void {
    entries.delete(entry.account.user.id)
    entries.set(entry.account.user.id, entry)
  }

  function leastRecentlyUsed(registeredBy: string | undefined): Account | undefined {
    let oldest: Account | undefined
    for (const { account } of entries.values()) {
      if (account.isDemo) continue
      if (registeredBy === undefined || account.registeredBy === registeredBy) return account
      oldest ??= account
    }
    return oldest
  }

  const goalsOf = (userId: string) => entries.get(userId)?.goals

  return {
    async addAccount(input) {
      // Nothing awaits between this check and the write below, so two registrations cannot both take the email.
      if (idsByEmail.has(input.email)) return undefined
      const evicted: string[] = []
      while (entries.size >= maxAccounts) {
        const victim = leastRecentlyUsed(input.registeredBy)
        if (!victim) break // only the demo account is left
        entries.delete(victim.user.id)
        idsByEmail.delete(victim.user.email)
        evicted.push(victim.user.id)
      }
      const { account, goals } = newAccount(input, clock())
      entries.set(account.user.id, { account, goals: new Map(goals.map((goal) => [goal.id, goal])) })
      idsByEmail.set(account.user.email, account.user.id)
      for (const userId of evicted) await onEvict?.(userId)
      return account
    },
    async findByEmail(email) {
      const id = idsByEmail.get(email)
      return id === undefined ? undefined : entries.get(id)?.account
    },
    async useAccount(userId) {
      const entry = entries.get(userId)
      if (entry) touch(entry)
      return entry?.account
    },
    async countAccounts() {
      return entries.size
    },
    async listGoals(userId) {
      return [...(goalsOf(userId)?.values() ?? [])]
    },
    async findGoal(userId, goalId) {
      return goalsOf(userId)?.get(goalId)
    },
    async addGoal(userId, goal, maxGoals) {
      const goals = goalsOf(userId)
      if (!goals) return 'gone'
      if (goals.size >= maxGoals) return 'full'
      goals.set(goal.id, goal)
      return 'added'
    },
    async updateGoal(userId, goalId, changes) {
      const goals = goalsOf(userId)
      const goal = goals?.get(goalId)
      if (!goals || !goal) return undefined
      const updated = { ...goal, ...changes }
      goals.set(goalId, updated)
      return updated
    },
    async deleteGoal(userId, goalId) {
      return goalsOf(userId)?.delete(goalId) ?? false
    },
  }
}

/** Newest first, with the id as a tiebreak so pages never overlap. */
export function pageGoals(
  goals: Iterable<Goal>,
  query: { page: number; pageSize: number; status?: GoalStatus },
): GoalPage {
  const matching = [...goals]
    .filter((goal) => query.status === undefined || goal.status === query.status)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
  const totalPages = Math.ceil(matching.length / query.pageSize)
  const start = (query.page - 1) * query.pageSize
  return {
    items: matching.slice(start, start + query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
    totalCount: matching.length,
    totalPages,
    hasMore: query.page < totalPages,
  }
}
