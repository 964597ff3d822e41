import { isRelative, resolveRelative } from './resolve-module'

export type ModuleExports = Record<string, unknown>
export type ModuleFactory = (require: (specifier: string) => unknown, module: { exports: ModuleExports }, exports: ModuleExports) => void

export class ModuleEvaluationError extends Error {
  constructor(
    readonly file: string,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.name = 'ModuleEvaluationError'
  }
}

/**
 * A CommonJS-style registry for one run: each file's factory runs once, on its
 * first `require`, and cycles see the partial exports, as in Node. Vendor
 * modules come in already loaded, so `require` stays synchronous.
 */
export function createModuleRegistry(factories: ReadonlyMap<string, ModuleFactory>, vendor: ReadonlyMap<string, unknown>) {
  const paths = new Set(factories.keys())
  const cache = new Map<string, { exports: ModuleExports }>()

  function requireFrom(importer: string) {
    return function require(specifier: string): unknown {
      if (vendor.has(specifier)) return vendor.get(specifier)
      const path = isRelative(specifier) ? resolveRelative(importer, specifier, paths) : undefined
      if (!path) throw new Error(`Cannot find module '${specifier}' imported by ${importer}`)
      return load(path)
    }
  }

  function load(path: string): ModuleExports {
    const cached = cache.get(path)
    if (cached) return cached.exports
    const record = { exports: {} as ModuleExports }
    cache.set(path, record)
    try {
      factories.get(path)!(requireFrom(path), record, record.exports)
    } catch (error) {
      cache.delete(path)
      throw error instanceof ModuleEvaluationError ? error : new ModuleEvaluationError(path, error)
    }
    return record.exports
  }

  return { load }
}
