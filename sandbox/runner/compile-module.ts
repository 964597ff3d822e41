import { transform } from 'sucrase'
import { CompileError } from './compile-error'

export { CompileError }

export type CompiledModule = { path: string; code: string; requires: string[] }

/**
 * TypeScript and JSX to a CommonJS-shaped function body, in the browser. The
 * runner then supplies `require`, so no module needs eval (the runner's CSP
 * forbids it) and every import, vendor or local, goes through one resolver.
 * Sucrase keeps line numbers, so errors and stack traces point at the editor.
 */
export function compileModule(path: string, source: string): CompiledModule {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'jsx', 'imports'],
      jsxRuntime: 'automatic',
      // React's development build: warnings and readable errors for the reader.
      production: false,
      // The runner targets current browsers; leave modern syntax alone.
      disableESTransforms: true,
      filePath: path,
    })
    return { path, code, requires: findRequires(code) }
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc
    const message = String((error as Error).message ?? error).replace(/^Error transforming [^:]+: /, '')
    throw new CompileError(message, path, loc?.line, loc === undefined ? undefined : loc.column + 1)
  }
}

// Sucrase writes every import, static or dynamic, as require('…') with a literal.
const REQUIRE = /\brequire\((['"])([^'"\n]+)\1\)/g

function findRequires(code: string) {
  return [...new Set(Array.from(code.matchAll(REQUIRE), (match) => match[2]))]
}
