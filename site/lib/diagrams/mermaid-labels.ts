import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One ```mermaid block of a docs page: its page, its place among the page's diagrams, and its source. */
export type MermaidBlock = { page: string; index: number; source: string }

/** Every ```mermaid block under content/, in page order. */
export function mermaidBlocks(root = process.cwd()): MermaidBlock[] {
  const pages = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .sort()
  return pages.flatMap((page) =>
    [...readFileSync(join(root, 'content', page), 'utf8').matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match, index) => ({
      page: `content/${page}`,
      index,
      source: match[1],
    })),
  )
}

const unquote = (text: string) => text.trim().replace(/^"(.*)"$/, '$1').replace(/<br\s*\/?>/g, ' ')

/**
 * What a diagram names: its participants (sequence diagrams) or boxes
 * (flowcharts), and its steps: messages, alt/par branches and edge labels.
 * Only the shapes this site's diagrams use are read; anything else in a line
 * is left out, so a new shape shows up as a label the list does not have.
 */
export function mermaidLabels(source: string): { participants: string[]; steps: string[] } {
  const participants: string[] = []
  const steps: string[] = []
  for (const raw of source.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('%%') || /^(sequenceDiagram|autonumber|flowchart\b|end$)/.test(line)) continue
    const participant = line.match(/^participant \S+ as (.+)$/)
    const message = line.match(/^\S+?-{1,2}>>\S+?:\s*(.+)$/)
    const branch = line.match(/^(?:alt|else|par|and|opt|loop)\s+(.+)$/)
    const subgraph = line.match(/^subgraph (\S+?)(?:\[(.+)\])?$/)
    if (participant) participants.push(participant[1].trim())
    else if (message) steps.push(message[1].trim())
    else if (branch) steps.push(branch[1].trim())
    else if (subgraph) participants.push(unquote(subgraph[2] ?? subgraph[1]))
    else {
      // Flowchart: boxes ID[…], ID{{…}}, ID(…), and edge labels -- "…" -->, -->|…|, -. … .->
      for (const box of line.matchAll(/\b\w+(?:\[([^\]]+)\]|\{\{([^}]+)\}\}|\(([^)]+)\))/g)) participants.push(unquote(box[1] ?? box[2] ?? box[3]))
      for (const edge of line.matchAll(/--\s+"([^"]+)"\s+-->|-->\|([^|]+)\||-\.->\|([^|]+)\||-\.\s+(.+?)\s+\.->/g)) steps.push(unquote(edge[1] ?? edge[2] ?? edge[3] ?? edge[4]))
    }
  }
  return { participants: [...new Set(participants)], steps: [...new Set(steps)] }
}
