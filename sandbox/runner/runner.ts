import type * as React from 'react'
import type * as ReactDomClient from 'react-dom/client'
import { CompileError } from './compile-error'
import type { CompiledModule } from './compile-module'
import { formatArguments } from './format-value'
import { createModuleRegistry, ModuleEvaluationError, type ModuleFactory } from './module-registry'
import { isRelative } from './resolve-module'
import { type ConsoleLevel, isRunRequest, type RunnerError, type RunnerMessage, type RunRequest } from './runner-protocol'
import { VENDOR_LIST } from './vendor-modules'

/*
 * The preview document for the docs' experiments, served at /sandbox/runner.html.
 * Its CSP header (next.config.mjs) sandboxes it into an opaque origin, so the
 * code it runs cannot read the site's cookies or storage, or call the site's
 * API as the reader. It imports React from the site's own files: the build
 * writes their URLs into the page (scripts/build-sandbox.ts). It never imports
 * React statically: the reader's code and the runner must share one copy.
 */

const bootMs = performance.now()
// The compiler (sucrase) is most of the runner's weight: it loads while the page sends the files.
const compiler = import('./compile-module')
compiler.catch(() => {}) // reported by the run that needs it
const vendorUrls = JSON.parse(document.getElementById('sandbox-vendor')?.textContent ?? '{}') as Record<string, string>
const vendorModules = new Map<string, Promise<unknown>>()
const blobFiles = new Map<string, string>()
let latestRunId = 0
let mountedRoot: ReactDomClient.Root | undefined

function post(message: RunnerMessage) {
  // The document's origin is opaque, but its URL still names the site: only a
  // page of the site that embeds it hears what it prints.
  window.parent.postMessage(message, location.origin)
}

function loadVendor(specifier: string) {
  let loading = vendorModules.get(specifier)
  if (!loading) {
    // Sucrase's interop reads `__esModule` to tell ES modules from CommonJS ones.
    loading = import(vendorUrls[specifier]).then((namespace: object) => {
      // The preview's policy has no 'unsafe-eval' either: as the site does in
      // demos/instrumentation-client.ts, keep zod off its `new Function` probe.
      if (specifier === 'zod') (namespace as typeof import('zod')).z.config({ jitless: true })
      return { __esModule: true, ...namespace }
    })
    vendorModules.set(specifier, loading)
  }
  return loading
}

async function loadFactory(module: CompiledModule): Promise<ModuleFactory> {
  // The wrapper shares the first line with the code, so line numbers match the editor.
  const source = `export default function (require, module, exports) {${module.code}\n}`
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  blobFiles.set(url, module.path)
  try {
    return (await import(url)).default as ModuleFactory
  } catch (error) {
    throw new CompileError((error as Error).message, module.path)
  } finally {
    URL.revokeObjectURL(url)
  }
}

async function run(request: RunRequest) {
  latestRunId = request.runId
  // Stack traces name the current run's modules; older ones are gone.
  blobFiles.clear()
  const isStale = () => request.runId !== latestRunId
  const started = performance.now()
  try {
    // 1. Compile every file. On a syntax error the last good preview stays up, under the overlay.
    const { compileModule } = await compiler
    const compiled = Object.entries(request.files).map(([path, source]) => compileModule(path, source))
    const compiledAt = performance.now()

    // 2. Load the vendor modules the files import, and turn each file into a module function.
    const specifiers = new Set(['react', 'react-dom/client'])
    for (const file of compiled) {
      for (const specifier of file.requires.filter((s) => !isRelative(s))) {
        if (!vendorUrls[specifier]) throw new CompileError(`Cannot import '${specifier}'. The sandbox provides ${VENDOR_LIST}.`, file.path)
        specifiers.add(specifier)
      }
    }
    const [vendor, factories] = await Promise.all([
      Promise.all([...specifiers].map(async (specifier) => [specifier, await loadVendor(specifier)] as const)),
      Promise.all(compiled.map(async (file) => [file.path, await loadFactory(file)] as const)),
    ])
    if (isStale()) return
    const loadedAt = performance.now()

    // 3. Evaluate from the entry; each file runs once, on its first import.
    const vendorMap = new Map<string, unknown>(vendor)
    const App = createModuleRegistry(new Map(factories), vendorMap).load(request.entry).default
    if (typeof App !== 'function') throw new ModuleEvaluationError(request.entry, new TypeError(`${request.entry.slice(1)} must export a React component as its default export.`))

    // 4. Replace the previous run's tree with this one.
    render(request.runId, App as React.ComponentType, vendorMap, () => {
      const now = performance.now()
      post({ type: 'rendered', runId: request.runId, timings: { compileMs: compiledAt - started, loadMs: loadedAt - compiledAt, renderMs: now - loadedAt, totalMs: now - started } })
    })
  } catch (error) {
    if (!isStale()) post({ type: 'error', runId: request.runId, error: describeError(error) })
  }
}

function render(runId: number, App: React.ComponentType, vendor: Map<string, unknown>, onCommit: () => void) {
  const { createElement, StrictMode, useLayoutEffect } = vendor.get('react') as typeof React
  const { createRoot } = vendor.get('react-dom/client') as typeof ReactDomClient
  mountedRoot?.unmount()
  const container = document.createElement('div')
  container.id = 'root'
  document.getElementById('root')!.replaceWith(container)
  mountedRoot = createRoot(container, {
    onUncaughtError(error, info) {
      const described = describeError(error)
      const components = toSandboxPaths(info.componentStack ?? '').split('\n').filter((line) => SANDBOX_FRAME.test(line.trim()))
      post({ type: 'error', runId, error: { ...described, stack: [described.stack, ...components].filter(Boolean).join('\n') } })
    },
  })
  let committed = false
  // Its layout effect runs once the whole first tree is on screen (twice in StrictMode: report once).
  function RunComplete({ children }: { children: React.ReactNode }) {
    useLayoutEffect(function reportFirstCommit() {
      if (!committed) onCommit()
      committed = true
    }, [])
    return children
  }
  mountedRoot.render(createElement(StrictMode, null, createElement(RunComplete, null, createElement(App))))
}

function describeError(error: unknown): RunnerError {
  if (error instanceof CompileError) return { kind: 'syntax', message: error.message, file: error.file, line: error.line, column: error.column }
  const cause = error instanceof ModuleEvaluationError ? error.cause : error
  const stack = cause instanceof Error ? readerFrames(cause.stack ?? '') : undefined
  const frame = stack && /(\/[\w./-]+\.tsx?):(\d+):(\d+)/.exec(stack)
  return {
    kind: 'runtime',
    message: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
    file: frame ? frame[1] : error instanceof ModuleEvaluationError ? error.file : undefined,
    line: frame ? Number(frame[2]) : undefined,
    column: frame ? Number(frame[3]) : undefined,
    stack,
  }
}

function toSandboxPaths(text: string) {
  let result = text
  for (const [url, path] of blobFiles) result = result.replaceAll(url, path)
  return result
}

const SANDBOX_FRAME = /\(?\/[\w./-]+\.tsx?:\d+:\d+\)?$/

/** The message and the frames in the reader's files; React's and the runner's frames are noise here. */
function readerFrames(stack: string) {
  const [first, ...frames] = toSandboxPaths(stack).split('\n')
  return [first, ...frames.filter((frame) => SANDBOX_FRAME.test(frame.trim())).slice(0, 8)].join('\n')
}

function forwardConsole() {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] satisfies ConsoleLevel[]) {
    const original = console[level].bind(console)
    console[level] = (...args: unknown[]) => {
      original(...args)
      post({ type: 'console', runId: latestRunId, level, text: toSandboxPaths(formatArguments(args)) })
    }
  }
}

function reportUncaught() {
  window.addEventListener('error', (event) => post({ type: 'error', runId: latestRunId, error: describeError(event.error ?? event.message) }))
  window.addEventListener('unhandledrejection', (event) => post({ type: 'error', runId: latestRunId, error: describeError(event.reason) }))
}

if (window.parent === window) {
  document.getElementById('root')!.textContent = 'This page runs the experiments on the workflow pages; open one of those.'
} else {
  forwardConsole()
  reportUncaught()
  window.addEventListener('message', (event) => {
    // Code is accepted from the embedding page only.
    if (event.source === window.parent && isRunRequest(event.data)) void run(event.data)
  })
  // Start fetching what every run needs while the page sends the files.
  for (const specifier of ['react', 'react-dom/client', 'react/jsx-dev-runtime']) loadVendor(specifier).catch(() => {})
  post({ type: 'ready', bootMs })
}
