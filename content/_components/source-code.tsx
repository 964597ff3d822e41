import { Pre } from 'nextra/components'
import type { ComponentProps, CSSProperties } from 'react'
import { highlight, TokenStyles } from './highlight'
import { readSource, type SourceSelection } from './read-source'
import { tokenClasses } from './token-classes'

/**
 * Shows code read at build time from the file that runs, highlighted by shiki
 * with the docs theme's own themes and frame, titled with the reader's path.
 * The data attributes let the browser tests compare what is shown with the file.
 */
export async function SourceCode(props: SourceSelection) {
  const { code, title, lang } = readSource(props)
  const tokens = tokenClasses()
  const pre = (pre: ComponentProps<'pre'>) => (
    <Pre {...pre} data-filename={title} data-copy="" data-language={lang} />
  )
  const block = await highlight(code, { lang, tokens, pre, markLines: true })
  // The block's height before the browser lays it out (docs-layout.css).
  const style = { '--bff-code-lines': code.split('\n').length } as CSSProperties
  return (
    <div className="bff-source-code" style={style} data-source-file={props.file} data-source-region={props.region} data-source-lines={props.lines} data-source-block={props.block}>
      <TokenStyles tokens={tokens} />
      {block}
    </div>
  )
}
