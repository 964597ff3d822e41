import { readFileSync } from 'node:fs'

/**
 * The titles of the tests declared in a file, as patterns: a title written as
 * a template literal matches with each `${…}` standing for any text, so a page
 * can cite one case of a parameterised test by its real name.
 */
export function testTitlesIn(file: string): RegExp[] {
  const source = readFileSync(file, 'utf8')
  const call = String.raw`\b(?:test|it)(?:\.(?:skipIf|runIf)\([^)]*\))?\(\s*`
  const literal = [...source.matchAll(new RegExp(`${call}(['"])((?:\\\\.|(?!\\1).)*)\\1`, 'g'))].map((m) => m[2].replace(/\\(.)/g, '$1'))
  const templates = [...source.matchAll(new RegExp(`${call}\`([^\`]*)\``, 'g'))].map((m) => m[1])
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return [
    ...literal.map((title) => new RegExp(`^${escape(title)}$`)),
    ...templates.map((title) => new RegExp(`^${title.split(/\$\{[^}]*\}/).map(escape).join('.+')}$`)),
  ]
}

/** Whether `file` declares a test called `title` (its own title, without the describe blocks). */
export function declaresTest(file: string, title: string): boolean {
  return testTitlesIn(file).some((pattern) => pattern.test(title))
}
