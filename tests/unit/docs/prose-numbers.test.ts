import { describe, expect, it } from 'vitest'
import { PROSE_NUMBERS } from '@/content/_components/prose-numbers'
import dotnetSettings from '@/dotnet/Api/appsettings.json'
import { defaultMockConfig } from '@/mocks/mock-config'
import { mdxPages } from './mdx-pages'

// Numbers in the docs' prose come from the constants the code uses
// (content/_components/prose-numbers.ts), so a changed setting changes the page.
// This finds the ones typed by hand. measured.mdx states measured values, read
// from bench/results.json by its own components, and is checked there.
const HAND_TYPED: { number: string; pattern: RegExp }[] = [
  { number: 'the access token lifetime', pattern: /\b15[ -]?min(ute)?s?\b/i },
  { number: 'the refresh leeway or the clock skew', pattern: /\b30 ?(s|secs?|seconds)\b/i },
  { number: 'the overlap window', pattern: /\b10 ?(s|secs?|seconds)\b/i },
  { number: 'the body cap', pattern: /\b16 ?(KiB|KB|kilobytes)\b/i },
  { number: 'the sign-in rate limit', pattern: /\b300 (requests )?(per|a|every|in)\b/i },
  { number: 'the retry backoff', pattern: /\b1 ?s,? then 2 ?s\b/i },
  { number: 'the refresh burst', pattern: /\b(20 requests|all 20)\b/i },
  { number: 'the token family lifetime', pattern: /\b7[ -]days?\b/i },
  { number: "the trace sessions' budget", pattern: /\b60 sessions\b/i },
  { number: 'the largest upload', pattern: /\b25 ?(MB|MiB|megabytes)\b/i },
  { number: "an account's upload quota", pattern: /\b50 ?(MB|MiB|megabytes)\b/i },
  { number: "the benchmark's upload", pattern: /\b20 ?(MB|MiB|megabytes)\b/i },
  // Five minutes is also JwtBearer's ClockSkew default, which pages name; so only next to "token" or "grant".
  { number: "an upload token's lifetime", pattern: /\b(token|grant)\b.{0,40}\b5 ?min(ute)?s?\b/i },
]

// Each entry is one line that may keep its number, and why. An entry matches a
// line containing `text`; any other hand-typed number on the page still fails.
const ALLOWED: { page: string; text: string; reason: string }[] = [
  { page: '/refresh-token-rotation', text: 'Okta has a grace period of 30 seconds', reason: "Okta's default, not a setting of this site" },
  { page: '/refresh-token-rotation', text: '(10 seconds at most)', reason: 'the contract suite waits settings out only up to 10 s; the limit is in its test titles, not a constant' },
  { page: '/threat-model', text: 'Headers over 16 KB in total', reason: "Node's own --max-http-header-size default, not this site's constant" },
  { page: '/production', text: 'exponential backoff (1 s, then 2 s)', reason: "TanStack's default retryDelay, which the site does not set" },
]

const pages = mdxPages().filter((page) => page.route !== '/measured')

describe('numbers in the docs come from the code', () => {
  it('no page types one of them by hand', () => {
    const found = pages.flatMap(({ file, route, prose }) =>
      prose.split('\n').flatMap((line, index) =>
        HAND_TYPED.filter(({ pattern }) => pattern.test(line))
          .filter(() => !ALLOWED.some((allowed) => allowed.page === route && line.includes(allowed.text)))
          .map(({ number }) => `${file}:${index + 1} types ${number} by hand: ${line.trim()}`),
      ),
    )
    expect(found).toEqual([])
  })

  it('the check finds a hand-typed number', () => {
    const line = 'The access token lives 15 minutes, refreshed 30 s early; bodies over 16 KiB are refused.'
    expect(HAND_TYPED.filter(({ pattern }) => pattern.test(line)).map(({ number }) => number)).toEqual([
      'the access token lifetime',
      'the refresh leeway or the clock skew',
      'the body cap',
    ])
  })

  it('every number a page prints exists: a typo would print nothing', () => {
    const names = new Set(Object.keys(PROSE_NUMBERS))
    const unknown = pages.flatMap(({ file, source }) => Array.from(source.matchAll(/\{n\.(\w+)/g), (match) => match[1]).filter((name) => !names.has(name)).map((name) => `${file}: n.${name}`))
    expect(unknown).toEqual([])
  })

  it('the mock and the C# API agree on the numbers the pages state for both', () => {
    expect(PROSE_NUMBERS.dotnetAccessTokenMinutes).toBe(PROSE_NUMBERS.accessTokenMinutes)
    expect(PROSE_NUMBERS.dotnetClockSkewSeconds).toBe(PROSE_NUMBERS.clockSkewSeconds)
    expect(PROSE_NUMBERS.dotnetOverlapSeconds).toBe(PROSE_NUMBERS.overlapSeconds)
    // One body cap is stated for the proxy, the BFF's routes and the API.
    expect(PROSE_NUMBERS.routeBodyCapKiB).toBe(PROSE_NUMBERS.bodyCapKiB)
    expect(defaultMockConfig.maxBodyBytes / 1024).toBe(PROSE_NUMBERS.bodyCapKiB)
    expect(dotnetSettings.Http.MaxBodyBytes / 1024).toBe(PROSE_NUMBERS.bodyCapKiB)
    expect(PROSE_NUMBERS.dotnetUploadGrantMinutes).toBe(PROSE_NUMBERS.uploadGrantMinutes)
    expect(PROSE_NUMBERS.dotnetMaxUploadMiB).toBe(PROSE_NUMBERS.maxUploadMiB)
    expect(PROSE_NUMBERS.dotnetUploadQuotaMiB).toBe(PROSE_NUMBERS.uploadQuotaMiB)
  })
})
