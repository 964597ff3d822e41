import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Runner, TestRef } from './test-report-status'
import { THREATS } from './threats'

const RUNNERS: Runner[] = ['e2e', 'unit', 'contract', 'multi']
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`))?.slice(1).find((v) => v !== undefined)

/**
 * Every test whose status a page shows: the threat model's rows, and each
 * `<HeldBy file test />` in the docs (the decisions page). The committed
 * snapshot holds these, so a fresh clone shows their results.
 */
export function citedTests(root = process.cwd()): TestRef[] {
  const pages = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'))
  const heldBy = pages.flatMap((page) =>
    [...readFileSync(join(root, 'content', page), 'utf8').matchAll(/<HeldBy\b[^>]*\/>/g)].flatMap(([tag]): TestRef[] => {
      const file = attribute(tag, 'file')
      const name = attribute(tag, 'test')
      const runner = RUNNERS.find((r) => file?.startsWith(`tests/${r}/`))
      return file && name && runner ? [{ runner, file, name }] : []
    }),
  )
  const all = [...THREATS.flatMap((threat) => threat.tests), ...heldBy]
  return all.filter((ref, i) => all.findIndex((other) => other.file === ref.file && other.name === ref.name) === i)
}
