import 'server-only'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { CompileError, compileModule } from '@/sandbox/runner/compile-module'
import { isRelative, moduleId, resolveRelative } from '@/sandbox/runner/resolve-module'
import { isVendorSpecifier, VENDOR_LIST } from '@/sandbox/runner/vendor-modules'

export type ExperimentFile = {
  /** Where the sandbox puts it: `/App.tsx`. */
  path: string
  code: string
  /** Repo path of the file the code is read from: the folder's own, or what a stand-in re-exports. */
  source: string
}

export type Experiment = { workflow: string; entry: string; files: ExperimentFile[] }

export const EXPERIMENTS_DIR = 'demos/experiments'
export const ENTRY = '/App.tsx'
const SHARED_DIR = `${EXPERIMENTS_DIR}/_shared/`

// A file that only re-exports another module of the repo is a stand-in: it keeps
// the folder type-checked, and the sandbox gets the module's own source under
// the stand-in's name. Shared code (the reference app's login schema, the fake
// network) so has one copy, and an experiment cannot drift from the site.
const STAND_IN = /^export \* from '(\.{1,2}\/[^']+)'$/

/**
 * Reads demos/experiments/<workflow>/ as the files of one sandbox. Every
 * authoring mistake throws, so it fails the build: an unknown workflow, a
 * missing App.tsx, a duplicate sandbox file, a file that does not compile, and
 * an import the sandbox could not resolve.
 */
export function readExperiment(workflow: string, { root = process.cwd() } = {}): Experiment {
  const fail = (message: string): never => {
    throw new Error(`<Experiment workflow="${workflow}">: ${message}`)
  }
  // Read at build time only (docs pages are prerendered); not a runtime file access.
  const folder = path.join(/*turbopackIgnore: true*/ root, EXPERIMENTS_DIR, workflow)
  if (!/^[a-z0-9-]+$/.test(workflow) || !existsSync(folder)) {
    fail(`unknown workflow; ${EXPERIMENTS_DIR}/ has ${listWorkflows(root).join(', ')}`)
  }

  const files = readdirSync(folder).map((name): ExperimentFile => {
    const file = path.join(folder, name)
    if (statSync(file).isDirectory()) fail(`${name}/: an experiment is one flat folder`)
    if (!/\.tsx?$/.test(name)) fail(`${name}: only .ts and .tsx files run in the sandbox`)
    const own = readFileSync(file, 'utf8')
    const target = standInTarget(own)
    if (!target) return { path: `/${name}`, code: own, source: repoPath(root, file) }
    const resolved = ['', '.ts', '.tsx'].map((extension) => path.resolve(folder, target + extension)).find((candidate) => existsSync(candidate) && statSync(candidate).isFile())
    if (!resolved || !resolved.startsWith(root + path.sep)) return fail(`${name} re-exports '${target}', which does not exist`)
    const code = readFileSync(resolved, 'utf8')
    if (standInTarget(code)) fail(`${name} re-exports '${target}', which is itself a stand-in`)
    return { path: `/${name}`, code, source: repoPath(root, resolved) }
  })

  if (!files.some((file) => file.path === ENTRY)) fail(`no ${ENTRY.slice(1)}; it is the sandbox's entry and must export the component to render`)
  const seen = new Map<string, string>()
  for (const file of files) {
    const other = seen.get(moduleId(file.path))
    if (other) fail(`duplicate sandbox file: ${other.slice(1)} and ${file.path.slice(1)} are the same import`)
    seen.set(moduleId(file.path), file.path)
  }
  checkImports(files, fail)
  return { workflow, entry: ENTRY, files: files.sort(byReadingOrder) }
}

/** The workflows with an experiment: every folder but the private ones (`_shared`). */
export function listWorkflows(root = process.cwd()) {
  const dir = path.join(/*turbopackIgnore: true*/ root, EXPERIMENTS_DIR)
  return readdirSync(dir).filter((name) => !name.startsWith('_') && statSync(path.join(dir, name)).isDirectory()).sort()
}

function standInTarget(code: string) {
  const statements = code.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('//'))
  return statements.length === 1 ? STAND_IN.exec(statements[0])?.[1] : undefined
}

/** Compiles every file as the runner will, and checks each import resolves inside the sandbox. */
function checkImports(files: ExperimentFile[], fail: (message: string) => never) {
  const paths = new Set(files.map((file) => file.path))
  for (const file of files) {
    let requires: string[] = []
    try {
      requires = compileModule(file.path, file.code).requires
    } catch (error) {
      if (!(error instanceof CompileError)) throw error
      fail(`${file.source}${error.line ? `:${error.line}:${error.column}` : ''} does not compile: ${error.message}`)
    }
    for (const specifier of requires) {
      if (isRelative(specifier) ? !resolveRelative(file.path, specifier, paths) : !isVendorSpecifier(specifier)) {
        fail(`${file.path.slice(1)} imports '${specifier}', which the sandbox cannot resolve (its files, or ${VENDOR_LIST})`)
      }
    }
  }
}

// App.tsx first, the experiment's own files next, the shared plumbing last.
function byReadingOrder(a: ExperimentFile, b: ExperimentFile) {
  const rank = (file: ExperimentFile) => (file.path === ENTRY ? 0 : file.source.startsWith(SHARED_DIR) ? 2 : 1)
  return rank(a) - rank(b) || a.path.localeCompare(b.path)
}

const repoPath = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/')
