import { readFileSync } from 'node:fs'

type Node = { file: string; note: string; children?: Node[] }

/**
 * The goals demo's component tree. The structure is written here; whether each
 * file is a Server or a Client Component is read from the file itself at build
 * time (a leading 'use client'), so the marks cannot go stale.
 */
export function ComponentTree({ tree }: { tree: Node }) {
  return <ul className="bff-tree">{render(tree)}</ul>
}

function render(node: Node) {
  const kind = isClient(node.file) ? 'client' : 'server'
  return (
    <li key={node.file} data-component-file={node.file} data-kind={kind}>
      <code>{node.file.replace(/^demos\//, '')}</code> <span className={`bff-kind bff-kind-${kind}`}>{kind}</span>
      <span className="bff-tree-note"> {node.note}</span>
      {node.children && <ul>{node.children.map(render)}</ul>}
    </li>
  )
}

function isClient(file: string) {
  let source: string
  try {
    source = readFileSync(file, 'utf8')
  } catch {
    throw new Error(`<ComponentTree>: no such file ${file}`)
  }
  return /^\s*(\/\/[^\n]*\n\s*)*['"]use client['"]/.test(source)
}
