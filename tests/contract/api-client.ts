import { randomBytes, randomUUID } from 'node:crypto'
import { expect, inject } from 'vitest'
import type { components } from '../../demos/lib/api/dotnet-api'

export type LoginResponse = components['schemas']['LoginResponse']
export type Goal = components['schemas']['Goal']
export type GoalPage = components['schemas']['GoalPage']

const baseUrl = inject('contractBaseUrl').replace(/\/$/, '')

/** The base URL may carry a path (e.g. …/dotnet), so paths are appended, not resolved. */
export function apiUrl(path: string): string {
  return `${baseUrl}${path}`
}

export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(apiUrl(path), init)
}

interface CallOptions {
  token?: string
  /** Sent as X-Forwarded-For, so each test is its own client for the per-client login limit. */
  address?: string
  headers?: Record<string, string>
}

export function callJson(method: string, path: string, body: unknown, { token, address, headers }: CallOptions = {}) {
  return apiFetch(path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(address ? { 'X-Forwarded-For': address } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

export const uniqueEmail = () => `contract-${randomUUID()}@example.com`

/** A random unique-local IPv6 address: valid for a real API's forwarded-headers parsing too. */
export const uniqueAddress = () => `fd00:${randomBytes(6).toString('hex').match(/.{4}/g)!.join(':')}::1`

export interface TestAccount {
  email: string
  password: string
  address: string
}

/**
 * A fresh account per test keeps tests isolated from each other and from the
 * demo account. It registers from its own address too, so the suite's
 * accounts do not add up against one client's registration limit.
 */
export async function registerAccount(): Promise<TestAccount> {
  const account = { email: uniqueEmail(), password: `pw-${randomUUID()}`, address: uniqueAddress() }
  const response = await callJson('POST', '/api/auth/register', { name: 'Contract Test', email: account.email, password: account.password }, { address: account.address })
  expect(response.status).toBe(201)
  return account
}

export async function login(account: TestAccount): Promise<LoginResponse> {
  const response = await callJson('POST', '/api/auth/login', account, { address: account.address })
  expect(response.status).toBe(200)
  return (await response.json()) as LoginResponse
}

export async function signIn(): Promise<LoginResponse & { account: TestAccount }> {
  const account = await registerAccount()
  return { ...(await login(account)), account }
}

export async function refresh(refreshToken: string): Promise<Response> {
  return callJson('POST', '/api/auth/refresh', { refreshToken })
}

const traceIdPattern = /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/

/** Asserts an RFC 9457 ProblemDetails as ASP.NET Core writes it, and returns the body. */
export async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const body = (await response.json()) as components['schemas']['ValidationProblemDetails']
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) })
  expect(body.traceId).toMatch(traceIdPattern)
  return body
}

/** JwtBearer's challenge: 401, empty body, reason in WWW-Authenticate. */
export async function expectBearerChallenge(response: Response, { invalidToken }: { invalidToken: boolean }) {
  expect(response.status).toBe(401)
  const header = response.headers.get('www-authenticate') ?? ''
  if (invalidToken) expect(header).toMatch(/^Bearer error="invalid_token"/)
  else expect(header).toBe('Bearer')
  expect(await response.text()).toBe('')
  return header
}
