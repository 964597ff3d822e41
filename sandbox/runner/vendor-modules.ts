/**
 * The bare imports an experiment may use. scripts/build-sandbox.ts bundles each
 * from this site's own node_modules, so a sandbox runs the versions the site
 * declares; importing anything else is an authoring mistake and fails the build.
 * `cjs` packages get an entry that re-exports their names, because a bundler
 * cannot see a CommonJS module's exports statically.
 */
export const VENDOR_MODULES = {
  react: { file: 'react', cjs: true },
  'react/jsx-runtime': { file: 'react-jsx-runtime', cjs: true },
  'react/jsx-dev-runtime': { file: 'react-jsx-dev-runtime', cjs: true },
  'react-dom': { file: 'react-dom', cjs: true },
  'react-dom/client': { file: 'react-dom-client', cjs: true },
  '@tanstack/react-query': { file: 'tanstack-react-query', cjs: false },
  zod: { file: 'zod', cjs: false },
  'openapi-fetch': { file: 'openapi-fetch', cjs: false },
  'openapi-react-query': { file: 'openapi-react-query', cjs: false },
} as const

export type VendorSpecifier = keyof typeof VENDOR_MODULES

export function isVendorSpecifier(specifier: string): specifier is VendorSpecifier {
  return Object.hasOwn(VENDOR_MODULES, specifier)
}

export const VENDOR_LIST = Object.keys(VENDOR_MODULES).join(', ')

/** The npm packages behind them: `react-dom/client` is `react-dom`, `@tanstack/react-query` is itself. */
export const VENDOR_PACKAGES = [...new Set(Object.keys(VENDOR_MODULES).map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')))]
