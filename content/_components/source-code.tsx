import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import { Pre } from 'nextra/components'
import type { ComponentProps } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { codeToHast } from 'shiki'
import { readSource, type SourceSelection } from './read-source'
import { CODE_THEMES } from './code-themes'
import { tokenClasses } from './token-classes'

/**
 * Shows code read at build time from the file that runs, highlighted by shiki
 * with the docs theme's own themes and frame, titled with the reader's path.
 * The data attributes let the browser tests compare what is shown with the file.
 */
export async function SourceCode(props: SourceSelection) {
  const { code, title, lang } = readSource(props)
  const tokens = tokenClasses()
  const hast = await codeToHast(code, {
    lang,
    themes: CODE_THEMES,
    // Nextra's stylesheet switches between --shiki-light and --shiki-dark.
    defaultColor: false,
    transformers: [{ line: (node) => void (node.properties['data-line'] = '') }, tokens.transformer],
  })
  const pre = (pre: ComponentProps<'pre'>) => (
    <Pre {...pre} data-filename={title} data-copy="" data-language={lang} />
  )
  return (
    <div data-source-file={props.file} data-source-region={props.region} data-source-lines={props.lines} data-source-block={props.block}>
      {/* React puts these in the <head>, once per page however many blocks use a class. */}
      {[...tokens.rules].map(([name, rule]) => (
        <style key={name} href={name} precedence="default">
          {rule}
        </style>
      ))}
      {toJsxRuntime(hast, { Fragment, jsx, jsxs, components: { pre } })}
    </div>
  )
}
