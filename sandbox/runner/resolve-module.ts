/** Extensions an extensionless relative import may resolve to, in order. */
const EXTENSIONS = ['.tsx', '.ts']

export const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../')

/**
 * Resolves `./fake-api` imported from `/App.tsx` to `/fake-api.ts`, the way a
 * bundler would: the exact path first, then each extension. Sandbox paths are
 * absolute (`/App.tsx`) and flat or nested; `..` never climbs above the root.
 */
export function resolveRelative(importer: string, specifier: string, paths: ReadonlySet<string>): string | undefined {
  const base = new URL(specifier, `file://${importer}`).pathname
  return [base, ...EXTENSIONS.map((extension) => base + extension)].find((path) => paths.has(path))
}

/**
 * What an extensionless import names: two files with the same id (`fake-api.ts`
 * and `fake-api.tsx`, or `App.tsx` and `app.tsx` on a case-insensitive disk)
 * would make imports ambiguous.
 */
export const moduleId = (path: string) => path.replace(/\.(tsx?|jsx?)$/, '').toLowerCase()
