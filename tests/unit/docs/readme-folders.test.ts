import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// README.md's "Where things live" table is a reader's map: every top-level
// folder in the repository has a row, and every path the table names exists.
const readme = readFileSync('README.md', 'utf8')
const table = readme.slice(readme.indexOf('## Where things live'), readme.indexOf('**There is no `pages/` folder.**'))
const rows = table.split('\n').filter((line) => line.startsWith('| `'))
const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n')
const folders = [...new Set(tracked.filter((file) => file.includes('/') && !file.startsWith('.')).map((file) => file.split('/')[0]))]

describe("README's folder table", () => {
  it('has a row for every top-level folder the repository tracks', () => {
    const named = rows.map((row) => row.split(' | ')[0])
    expect(folders.filter((folder) => !named.some((cell) => cell.includes(`\`${folder}/`)))).toEqual([])
  })

  it('names only paths that exist', () => {
    // Paths from the repository root: a row's own name, and any path under a top-level folder
    // (the table also quotes a reader's paths, such as `lib/dal.ts`, which are not the repository's).
    const quoted = (text: string) => [...text.matchAll(/`([\w.[\]/-]+)`/g)].map((match) => match[1])
    const paths = rows.flatMap((row) => {
      const [name, ...rest] = row.slice(2).split(' | ')
      return [...quoted(name), ...quoted(rest.join(' | ')).filter((path) => folders.includes(path.split('/')[0]) && path.includes('/'))]
    })
    expect(paths.length).toBeGreaterThan(20)
    // Generated folders (public/sandbox/, public/_pagefind) exist only after a build; git ignores them.
    expect(paths.filter((path) => !existsSync(path) && !ignoredByGit(path))).toEqual([])
  })
})

/** A folder that does not exist yet matches a `dir/` pattern only when named with its slash. */
function ignoredByGit(path: string) {
  return [path, `${path.replace(/\/$/, '')}/`].some((candidate) => {
    try {
      execFileSync('git', ['check-ignore', '-q', candidate])
      return true
    } catch {
      return false
    }
  })
}
