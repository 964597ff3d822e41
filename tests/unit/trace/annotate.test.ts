import { readFileSync } from 'node:fs'
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import { describe, expect, it } from 'vitest'
import { annotate, RULES } from '@/site/lib/trace/annotate'

/** The heading ids of a docs page, as Nextra makes them (github-slugger, in order, de-duplicated). */
function headingIds(page: string): Set<string> {
  const file = path.join(process.cwd(), 'content', `${page === '' ? 'index' : page}.mdx`)
  const slugger = new GithubSlugger()
  const ids = new Set<string>()
  let fenced = false
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line)
    if (heading) ids.add(slugger.slug(heading[1].replace(/`/g, '')))
  }
  return ids
}

describe('inspector notes', () => {
  const notes = RULES.flatMap((rule) => [rule.note, rule.responseNote]).filter((note) => note !== undefined)
  notes.push(annotate({ source: 'api', from: 'bff', to: 'bff', method: 'GET', path: '/x', status: 200, responseHeaders: [] }).note)

  it.each(notes.map((note) => [note.href, note]))('%s names a page and a heading that exist', (href) => {
    const [page, id] = href.slice(1).split('#')
    const ids = headingIds(page)
    if (id) expect([...ids]).toContain(id)
  })

  it('gives the login hops the notes the Workflow A page explains', () => {
    const login = { method: 'POST', path: '/api/auth/login', status: 200, responseHeaders: [] }
    expect(annotate({ ...login, source: 'route-handler', from: 'browser', to: 'bff' }).responseNote?.href).toBe('/workflows/login#4-the-cookies-and-why-each-flag')
    expect(annotate({ ...login, source: 'route-handler', from: 'bff', to: 'api' }).note.href).toBe('/workflows/login#3-server-to-server-and-what-can-go-wrong')
    const goals = { method: 'GET', path: '/api/goals?page=1', status: 200, responseHeaders: [] }
    expect(annotate({ ...goals, source: 'server-component', from: 'bff', to: 'api' }).note.href).toBe('/workflows/server-fetch#1-the-page-is-a-server-component')
    expect(annotate({ ...goals, source: 'proxy-route', from: 'bff', to: 'api' }).note.href).toBe('/workflows/pagination#4-the-proxy-is-a-security-boundary')
  })
})
