// Reads a V8 .cpuprofile (node --cpu-prof, see BENCH_CPU_PROF in bench-server.ts)
// and prints where the time went: self time by function, and by module
// (node internals, undici, Next's server, the app's own code).
//   npx tsx bench/summarize-profile.ts <file.cpuprofile> [top]
import { readFileSync } from 'node:fs'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const [file, topArg] = process.argv.slice(2)
if (!file) throw new Error('usage: summarize-profile <file.cpuprofile> [top]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const top = Number(topArg ?? 25)

const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfMs = new Map<number, number>()
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
const total = [...selfMs.values()].reduce((a, b) => a + b, 0)

function moduleOf(url: string): string {
  if (!url) return '(native / idle / gc)'
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/')
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/)?([^/]+(?:\/[^/]+)?)/.exec(url)
  if (pkg) return `${pkg[1]} ${pkg[2]}`
  return url.replace(/^.*\/(\.next[^/]*)\//, '$1/').slice(0, 80)
}

const functions = new Map<string, number>()
const modules = new Map<string, number>()
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame
  const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber}`
  functions.set(key, (functions.get(key) ?? 0) + ms)
  modules.set(moduleOf(url), (modules.get(moduleOf(url)) ?? 0) + ms)
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
}
console.log(`${(total / 1000).toFixed(1)} s sampled`)
print('Self time by module', modules)
print('Self time by function', functions)
