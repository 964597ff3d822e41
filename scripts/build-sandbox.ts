// Builds the experiments' preview runner into public/sandbox/ (gitignored), so the
// site serves it itself and needs no third-party bundler:
//   vendor/  react, react-dom, @tanstack/react-query and zod from this site's
//            node_modules, as ES modules that share one copy of React
//   assets/  the runner (sucrase included) and its stylesheet
//   runner.html  the preview document, with the vendor URLs it may import
// Run by `predev` and `prebuild`. Output names carry content hashes, so the
// files are cached for good (see next.config.mjs), and a rebuild that changes
// nothing writes nothing: a server running from this checkout never sees a file
// half-written.
import { build, type Metafile, type OutputFile } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VENDOR_MODULES } from '../sandbox/runner/vendor-modules'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT = path.join(ROOT, 'public/sandbox')
const URL_BASE = '/sandbox'
const RUNNER_DIR = path.join(ROOT, 'sandbox/runner')
const require = createRequire(path.join(ROOT, 'package.json'))

export async function buildSandbox() {
  const started = performance.now()
  const vendor = await buildVendor()
  const runner = await build({
    ...shared,
    entryPoints: { runner: path.join(RUNNER_DIR, 'runner.ts'), 'runner-style': path.join(RUNNER_DIR, 'runner.css') },
    // The compiler is a chunk of its own, imported while the runner says it is ready.
    splitting: true,
    outdir: path.join(OUT, 'assets'),
  })
  const outputs = [...vendor.outputFiles, ...runner.outputFiles]
  const entryUrl = ({ metafile }: { metafile: Metafile }, name: string) => {
    const [file] = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint && entryName(output.entryPoint) === name) ?? []
    if (!file) throw new Error(`build-sandbox: no output for ${name}`)
    return toUrl(path.resolve(ROOT, file))
  }
  const vendorUrls = Object.fromEntries(Object.entries(VENDOR_MODULES).map(([specifier, { file }]) => [specifier, entryUrl(vendor, file)]))
  // Every run needs the compiler and React: the browser fetches them while the runner boots.
  const script = entryUrl(runner, 'runner.ts')
  const runnerChunks = Object.keys(runner.metafile.outputs).filter((file) => file.endsWith('.js')).map((file) => toUrl(path.resolve(ROOT, file)))
  const preload = [
    ...runnerChunks.filter((url) => url !== script),
    ...['react', 'react-dom/client', 'react/jsx-dev-runtime'].flatMap((specifier) => reach(vendor.metafile, vendorUrls[specifier])),
  ]
  const html = runnerHtml({
    script,
    style: entryUrl(runner, 'runner.css'),
    preload: [...new Set(preload)],
    vendorUrls,
  })
  const written = writeChanged([...outputs.map((file) => ({ path: file.path, contents: file.contents })), { path: path.join(OUT, 'runner.html'), contents: Buffer.from(html) }])
  const removed = removeStale(new Set([...outputs.map((file) => file.path), path.join(OUT, 'runner.html')]))
  const kib = Math.round(outputs.reduce((sum, file) => sum + file.contents.length, 0) / 1024)
  console.log(`build-sandbox: public/sandbox (${kib} KiB, ${written} written, ${removed} removed) in ${Math.round(performance.now() - started)} ms`)
}

const shared = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  write: false,
  metafile: true,
  legalComments: 'eof',
  logLevel: 'warning',
  // React's development build: the sandbox is for learning, and its warnings teach.
  define: { 'process.env.NODE_ENV': '"development"' },
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  absWorkingDir: ROOT,
} as const

async function buildVendor() {
  const entries = Object.fromEntries(await Promise.all(Object.entries(VENDOR_MODULES).map(async ([specifier, { file, cjs }]) => [file, await vendorEntry(specifier, cjs)])))
  return build({
    ...shared,
    entryPoints: Object.keys(entries).map((file) => ({ in: `vendor:${file}`, out: file })),
    // One build with code splitting: every entry imports the same React chunk.
    splitting: true,
    outdir: path.join(OUT, 'vendor'),
    plugins: [
      {
        name: 'vendor-entries',
        setup(build) {
          build.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice('vendor:'.length), namespace: 'vendor' }))
          build.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({ contents: entries[args.path], resolveDir: ROOT, loader: 'js' }))
        },
      },
    ],
  })
}

/** An ES module entry for a package; CommonJS ones re-export their names one by one. */
async function vendorEntry(specifier: string, cjs: boolean) {
  const quoted = JSON.stringify(specifier)
  if (cjs) {
    const names = Object.keys(require(specifier) as object).filter((name) => name !== 'default' && name !== '__esModule')
    return `import m from ${quoted}\nexport default m\nexport const { ${names.join(', ')} } = m\n`
  }
  const namespace = (await import(specifier)) as Record<string, unknown>
  return `export * from ${quoted}\n${'default' in namespace ? `export { default } from ${quoted}\n` : ''}`
}

function runnerHtml({ script, style, preload, vendorUrls }: { script: string; style: string; preload: string[]; vendorUrls: Record<string, string> }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Experiment preview</title>
<link rel="stylesheet" href="${style}">
${preload.map((url) => `<link rel="modulepreload" href="${url}">`).join('\n')}
<script type="application/json" id="sandbox-vendor">${JSON.stringify(vendorUrls)}</script>
<script type="module" src="${script}"></script>
</head>
<body>
<div id="root"></div>
</body>
</html>
`
}

/** The URL and every chunk it imports statically. */
function reach(metafile: Metafile, url: string, seen = new Set<string>()): string[] {
  if (seen.has(url)) return []
  seen.add(url)
  const output = Object.entries(metafile.outputs).find(([file]) => toUrl(path.resolve(ROOT, file)) === url)?.[1]
  for (const imported of output?.imports ?? []) if (imported.kind === 'import-statement') reach(metafile, toUrl(path.resolve(ROOT, imported.path)), seen)
  return [...seen]
}

const entryName = (entryPoint: string) => path.basename(entryPoint.replace(/^vendor:/, '')).replace(/\.js$/, '')
const toUrl = (file: string) => `${URL_BASE}/${path.relative(OUT, file).split(path.sep).join('/')}`

function writeChanged(files: Pick<OutputFile, 'path' | 'contents'>[]) {
  let written = 0
  for (const file of files) {
    if (existsSync(file.path) && readFileSync(file.path).equals(file.contents)) continue
    mkdirSync(path.dirname(file.path), { recursive: true })
    const temporary = `${file.path}.${process.pid}.tmp`
    writeFileSync(temporary, file.contents)
    renameSync(temporary, file.path)
    written++
  }
  return written
}

function removeStale(keep: Set<string>) {
  let removed = 0
  for (const file of listFiles(OUT)) {
    if (!keep.has(file)) {
      rmSync(file)
      removed++
    }
  }
  return removed
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? listFiles(file) : [file]
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildSandbox()
}
