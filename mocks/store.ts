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
  goals: Map<string, Goal>
}

interface Options {
  maxAccounts: number
  clock: Clock
  /** Lets the owner drop everything else tied to an evicted account (its refresh tokens). */
  onEvict?: (userId: string) => void
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
export function createStore({ maxAccounts, clock, onEvict }: Options) {
  const accounts = new Map<string, Account>()
  const idsByEmail = new Map<string, string>()

  function touch(account: Account): void {
    accounts.delete(account.user.id)
    accounts.set(account.user.id, account)
  }

  function leastRecentlyUsed(registeredBy: string | undefined): Account | undefined {
    let oldest: Account | undefined
    for (const account of accounts.values()) {
      if (account.isDemo) continue
      if (registeredBy === undefined || account.registeredBy === registeredBy) return account
      oldest ??= account
    }
    return oldest
  }

  function evict(account: Account): void {
    accounts.delete(account.user.id)
    idsByEmail.delete(account.user.email)
    onEvict?.(account.user.id)
  }

  function addAccount(input: { name: string; email: string; password: PasswordHash; isDemo?: boolean; registeredBy?: string }): Account {
    while (accounts.size >= maxAccounts) {
      const victim = leastRecentlyUsed(input.registeredBy)
      if (!victim) break // only the demo account is left
      evict(victim)
    }
    const user: User = { id: randomUUID(), name: input.name, email: input.email, role: 'user' }
    const goals = new Map(seedGoals(clock()).map((goal) => [goal.id, goal]))
    const account: Account = { user, password: input.password, isDemo: input.isDemo ?? false, registeredBy: input.registeredBy, goals }
    accounts.set(user.id, account)
    idsByEmail.set(user.email, user.id)
    return account
  }

  function findByEmail(email: string): Account | undefined {
    const id = idsByEmail.get(email)
    return id === undefined ? undefined : accounts.get(id)
  }

  /** Looks an account up for a request made on its behalf, which counts as use. */
  function useAccount(userId: string): Account | undefined {
    const account = accounts.get(userId)
    if (account) touch(account)
    return account
  }

  return {
    addAccount,
    findByEmail,
    useAccount,
    get accountCount() {
      return accounts.size
    },
  }
}

export type Store = ReturnType<typeof createStore>

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
