import type { ComponentType } from 'react'
import { readExperiment } from '@/content/_components/experiment/read-experiment'
import { compileModule } from '@/sandbox/runner/compile-module'
import { createModuleRegistry, type ModuleFactory } from '@/sandbox/runner/module-registry'
import { VENDOR_MODULES } from '@/sandbox/runner/vendor-modules'

/** A change a reader types into the editor: `find` must occur exactly once, so the page's instructions cannot drift from the file. */
export type Edit = { file: string; find: string; replace: string }

/**
 * Loads an experiment as the browser runner does: the sandbox's files as the
 * docs page gets them (stand-ins replaced by the code they stand for), compiled
 * by the runner's sucrase step and evaluated by the runner's module registry.
 * Only the vendor modules come from node_modules, as the runner's are built
 * from them. Each call evaluates every file afresh: no state leaks between tests.
 */
export async function loadExperiment(workflow: string, edits: Edit[] = []): Promise<ComponentType> {
  const { entry, files } = readExperiment(workflow)
  const sources = new Map(files.map((file) => [file.path, file.code]))
  for (const { file, find, replace } of edits) {
    const code = sources.get(file)
    if (code === undefined) throw new Error(`${workflow}: no ${file} to edit`)
    const count = code.split(find).length - 1
    if (count !== 1) throw new Error(`${workflow}${file}: "${find}" occurs ${count} times, expected once`)
    sources.set(file, code.replace(find, replace))
  }
  const factories = new Map([...sources].map(([path, code]) => [path, toFactory(compileModule(path, code).code)]))
  const vendor = new Map(
    await Promise.all(Object.keys(VENDOR_MODULES).map(async (specifier) => [specifier, { __esModule: true, ...((await import(specifier)) as object) }] as const)),
  )
  return createModuleRegistry(factories, vendor).load(entry).default as ComponentType
}

// Node has no CSP: a Function stands in for the runner's blob: module wrapper.
const toFactory = (code: string) => new Function('require', 'module', 'exports', code) as ModuleFactory

/** Records whether `text` is ever on screen from now on, however briefly. */
export function watchFor(text: string) {
  let seen = document.body.textContent?.includes(text) ?? false
  const observer = new MutationObserver(() => {
    seen ||= document.body.textContent?.includes(text) ?? false
  })
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  return {
    get seen() {
      return seen
    },
    stop: () => observer.disconnect(),
  }
}
