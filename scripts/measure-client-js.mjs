// Measures, from a finished `next build`, the JavaScript each client component of
// the goals demo ships: its own module (Turbopack hoists the client components it
// imports into it) and, with dependencies, everything it pulls in beyond what the
// chunks every page loads for Next.js's router; and the first-load JavaScript of every page route
// (bench/bundle-budgets.ts checks it against the committed budgets). Writes
// public/build-stats/client-js.json, which the "Server or Client Component?" page shows. Run by `postbuild`.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
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

/**
 * The JavaScript a browser loads before a page is interactive: Next's root chunks plus the
 * chunks of the page's layouts and page entry. Prerendered pages (the docs) are read one by one
 * from their HTML: the script tags and the chunks the inline RSC payload lists. Pages rendered per
 * request (the demos) come from their client reference manifest. Lazy chunks (an experiment's
 * editor, a mermaid diagram) are not first load and are not counted. Polyfills are left out:
 * they are `nomodule`, which current browsers skip.
 *
 * A prerendered page also gets `lazy`: the chunks its own client components fetch with import()
 * (a demo when it nears the screen, the inspector's panel once the page is idle), without what
 * those chunks fetch later in turn (an experiment's editor).
 */
export function measureFirstLoadJs(distDir = process.env.NEXT_DIST_DIR || '.next') {
  const { rootMainFiles, polyfillFiles } = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8'))
  const appDir = path.join(distDir, 'server/app')
  const routes = []
  for (const file of walk(appDir).filter((f) => f.endsWith('page_client-reference-manifest.js'))) {
    const route = `/${path.relative(appDir, path.dirname(file))}`.replace(/\\/g, '/')
    // The docs catch-all is measured page by page below, from each page's HTML.
    if (route === '/_global-error' || route.includes('[[...')) continue
    const manifest = loadManifest(file, `${route}/page`)
    const entries = Object.entries(manifest.entryJSFiles).filter(([key]) => key.startsWith('[project]/app/'))
    routes.push(firstLoadOf(route, distDir, [...rootMainFiles, ...entries.flatMap(([, files]) => files)]))
  }
  // Each prerendered docs page on its own: a page can pull in chunks the others do not.
  const modules = new Map()
  const read = new Set()
  for (const file of walk(appDir).filter((f) => f.endsWith('.html') && !path.basename(f).startsWith('_'))) {
    const route = `/${path.relative(appDir, file).replace(/\\/g, '/').replace(/\.html$/, '')}`.replace(/^\/index$/, '/')
    const html = readFileSync(file, 'utf8')
    const tags = [...html.matchAll(/<script(?![^>]*nomodule)[^>]*\ssrc="\/_next\/([^"]+\.js)"/g)].map((match) => match[1])
    const payload = [...html.matchAll(/static\/chunks\/[\w.~-]+\.js/g)].map((match) => match[0])
    const firstLoad = [...tags, ...payload].filter((chunk) => !polyfillFiles.includes(chunk))
    for (const chunk of firstLoad.filter((chunk) => !read.has(chunk))) {
      read.add(chunk)
      if (existsSync(path.join(distDir, chunk))) readChunk(path.join(distDir, chunk), modules)
    }
    const lazy = lazyChunksOf(clientReferenceIds(html), modules, new Set(firstLoad))
    routes.push({ ...firstLoadOf(route, distDir, firstLoad), lazy: firstLoadOf(route, distDir, lazy) })
  }
  return {
    method: 'Root chunks plus each page route\'s entry chunks (prerendered pages: the chunks their HTML loads), minified; gzip level 6; polyfills and lazy chunks excluded',
    routes: routes.sort((a, b) => a.route.localeCompare(b.route)),
  }
}

/** The module ids of the client components a prerendered page renders: the `I` rows of its inline RSC payload. */
function clientReferenceIds(html) {
  const payload = [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)].map((match) => JSON.parse(match[1])).join('')
  return [...payload.matchAll(/^[0-9a-f]+:I\["?(\d+)"?,/gm)].map((match) => Number(match[1]))
}

// A component's import() is `e.A(id)`; module `id` loads the chunks it lists, then the imported module.
function lazyChunksOf(ids, modules, firstLoad) {
  const chunks = new Set()
  for (const id of ids) {
    for (const [, loader] of (modules.get(id)?.source ?? '').matchAll(/\.A\((\d+)\)/g)) {
      for (const [chunk] of (modules.get(Number(loader))?.source ?? '').matchAll(/static\/chunks\/[\w.~-]+\.js/g)) {
        if (!firstLoad.has(chunk)) chunks.add(chunk)
      }
    }
  }
  return [...chunks]
}

function firstLoadOf(route, distDir, files) {
  const unique = [...new Set(files)].filter((file) => existsSync(path.join(distDir, file)))
  const sources = unique.map((file) => readFileSync(path.join(distDir, file)))
  const perFile = unique.map((file, i) => ({ file, gzipBytes: gzipSync(sources[i]).length }))
  return {
    route,
    files: perFile,
    chunks: unique.length,
    bytes: sources.reduce((sum, source) => sum + source.length, 0),
    gzipBytes: perFile.reduce((sum, file) => sum + file.gzipBytes, 0),
  }
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

function loadManifest(file, route = ROUTE) {
  const sandbox = {}
  sandbox.globalThis = sandbox
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox)
  const manifest = sandbox.__RSC_MANIFEST?.[route]
  if (!manifest) throw new Error(`${file}: no client reference manifest for ${route}`)
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

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--first-load') {
  // Another build's pages (the bare Nextra baseline, bench/bare-site.ts), as JSON on stdout.
  process.stdout.write(JSON.stringify(measureFirstLoadJs(process.argv[3])))
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = { ...measureClientJs(), firstLoad: measureFirstLoadJs() }
  mkdirSync('public/build-stats', { recursive: true })
  writeFileSync('public/build-stats/client-js.json', `${JSON.stringify(result, null, 2)}\n`)
  console.log(`Wrote public/build-stats/client-js.json (${result.components.length} client components, ${result.firstLoad.routes.length} routes)`)
}
