// Measures, from a finished `next build`, the JavaScript each client component of
// the goals demo ships: its own module (Turbopack hoists the client components it
// imports into it) and, with dependencies, everything it pulls in beyond what the
// chunks every page loads for Next.js's router. Writes public/build-stats/client-js.json, which the
// "Server or Client Component?" page shows. Run by `postbuild`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { gzipSync } from 'node:zlib'

const ROUTE = '/demo/goals/page'

export function measureClientJs(distDir = process.env.NEXT_DIST_DIR || '.next') {
  const manifest = loadManifest(path.join(distDir, 'server/app/demo/goals/page_client-reference-manifest.js'))
  const modules = new Map() // id → { source, deps }
  const chunkModules = new Map() // chunk → ids
  for (const chunk of new Set(Object.values(manifest.clientModules).flatMap((m) => m.chunks))) {
    chunkModules.set(chunk, readChunk(path.join(distDir, chunk.replace(/^\/_next\//, '')), modules))
  }
  // What every page already loads: the chunks of Next's own layout router.
  const router = Object.entries(manifest.clientModules).find(([key]) => key.endsWith('client/components/layout-router.js'))
  const baseline = new Set(router[1].chunks.flatMap((chunk) => chunkModules.get(chunk) ?? []))

  const components = Object.entries(manifest.clientModules)
    .filter(([key]) => key.startsWith('[project]/demos/') && !key.includes('login') && !key.includes('logout') && !key.includes('open-demo'))
    .map(([key, { id }]) => {
      const own = modules.get(id)?.source ?? ''
      const closure = [...reach(id, modules)].filter((dep) => dep === id || !baseline.has(dep))
      const all = closure.map((dep) => modules.get(dep)?.source ?? '').join('\n')
      return {
        file: key.replace('[project]/', '').replace(/ \[.*$/, ''),
        ownBytes: Buffer.byteLength(own),
        ownGzipBytes: gzipSync(own).length,
        withDependenciesBytes: Buffer.byteLength(all),
        withDependenciesGzipBytes: gzipSync(all).length,
      }
    })
    .sort((a, b) => a.file.localeCompare(b.file))
  return { route: '/demo/goals', method: 'Turbopack module factories in the production chunks, minified; gzip level 6', components }
}

function loadManifest(file) {
  const sandbox = {}
  sandbox.globalThis = sandbox
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox)
  const manifest = sandbox.__RSC_MANIFEST?.[ROUTE]
  if (!manifest) throw new Error(`${file}: no client reference manifest for ${ROUTE}`)
  return manifest
}

// A Turbopack chunk pushes [script, id, factory, id, factory, …] onto globalThis.TURBOPACK.
function readChunk(file, modules) {
  const sandbox = { document: undefined }
  sandbox.globalThis = sandbox
  try {
    vm.runInNewContext(readFileSync(file, 'utf8'), sandbox)
  } catch {
    return [] // the runtime chunk is not a module list
  }
  const ids = []
  for (const entry of sandbox.TURBOPACK ?? []) {
    for (let i = 1; i + 1 < entry.length; i += 2) {
      if (typeof entry[i] !== 'number' || typeof entry[i + 1] !== 'function') continue
      const source = String(entry[i + 1])
      modules.set(entry[i], { source, deps: [...source.matchAll(/\.[ir]\((\d+)\)/g)].map((m) => Number(m[1])) })
      ids.push(entry[i])
    }
  }
  return ids
}

function reach(start, modules, seen = new Set()) {
  if (seen.has(start) || !modules.has(start)) return seen
  seen.add(start)
  for (const dep of modules.get(start).deps) reach(dep, modules, seen)
  return seen
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = measureClientJs()
  mkdirSync('public/build-stats', { recursive: true })
  writeFileSync('public/build-stats/client-js.json', `${JSON.stringify(result, null, 2)}\n`)
  console.log(`Wrote public/build-stats/client-js.json (${result.components.length} client components)`)
}
