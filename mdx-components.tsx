import { useMDXComponents as getThemeComponents } from 'nextra-theme-docs'
import type { MDXComponents } from 'nextra/mdx-components'
import { SourceCode } from '@/content/_components/source-code'

const themeComponents = getThemeComponents()

// The theme's components come first so pages can still override them one by one.
export function useMDXComponents(components?: MDXComponents) {
  return {
    ...themeComponents,
    SourceCode,
    ...components,
  }
}
