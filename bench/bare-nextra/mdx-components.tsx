import { useMDXComponents as getThemeComponents } from 'nextra-theme-docs'
import type { MDXComponents } from 'nextra/mdx-components'

const themeComponents = getThemeComponents()

// The theme's components and nothing else: the baseline has no components of its own.
export function useMDXComponents(components?: MDXComponents) {
  return { ...themeComponents, ...components }
}
