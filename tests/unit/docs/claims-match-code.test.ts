import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mdxPages } from './mdx-pages'

// Three claims a line-by-line check once found contradicting the code (issue 15,
// item 2). Each test reads the code fact first, then looks for the old claim in
// the pages, so a page that drifts back, or code that changes under a correct
// page, fails here rather than in a reader's review.
const read = (file: string) => readFileSync(file, 'utf8')
const sentences = (text: string) => text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s/)

describe('claims in the docs match the code', () => {
  it('sign-in is a full page load, and no page says router.refresh() brings the signed-in page', () => {
    // Its comments explain why not router.refresh(); the code must not call it.
    const loginForm = read('demos/components/login-form.tsx').replace(/^\s*\/\/.*$/gm, '')
    expect(loginForm).toMatch(/window\.location\.assign\(/)
    expect(loginForm).not.toMatch(/router\.(refresh|push)\(/)

    const claims = mdxPages().flatMap(({ file, prose }) =>
      sentences(prose)
        .filter((sentence) => /router\.refresh\(\)/.test(sentence) && /\b(after|once|when) (signing|you sign|the reader signs) in\b/i.test(sentence))
        .filter((sentence) => !/\b(not|no longer|instead|earlier version|the guide)\b/i.test(sentence))
        .map((sentence) => `${file}: ${sentence.trim()}`),
    )
    expect(claims).toEqual([])
  })

  it('proxy.ts reads exp and refreshes, so nothing says it only checks that a cookie exists', () => {
    const proxy = read('demos/proxy.ts')
    expect(proxy).toMatch(/needsRefresh\(/)
    expect(proxy).toMatch(/refreshAtApi\(/)

    const sources = [...mdxPages().map(({ file, prose }) => ({ file, text: prose })), { file: 'demos/lib/dal.ts', text: read('demos/lib/dal.ts') }]
    const claims = sources.flatMap(({ file, text }) =>
      sentences(text)
        .filter((sentence) => /proxy\.ts/.test(sentence) && /\bonly (checks|looks) (that|whether|if)? ?(a|the) (session |access )?cookie (exists|is there|is present)/i.test(sentence))
        .map((sentence) => `${file}: ${sentence.trim()}`),
    )
    expect(claims).toEqual([])
  })

  it('cookie-options.ts is server-only, as its opening comment says everything that uses it runs on the server', () => {
    const source = read('demos/lib/auth/cookie-options.ts')
    expect(source.split('\n')[0]).toBe("import 'server-only'")
    expect(source).toMatch(/All of it\s+(\/\/ )?runs on the server/)
  })
})
