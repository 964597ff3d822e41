import type { Element } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import type { ComponentProps, ReactNode } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { codeToHast } from 'shiki'
import { CODE_THEMES } from './code-themes'
import type { TokenClasses } from './token-classes'

type HighlightOptions = {
  lang: string
  /** The style classes the tokens get; its rules go on the page through <TokenStyles>. */
  tokens: TokenClasses
  /** Replaces the <pre>, for example with the docs theme's framed block. */
  pre?: (props: ComponentProps<'pre'>) => ReactNode
  /** Marks each line as Nextra's stylesheet expects of its own code blocks. */
  markLines?: boolean
}

/**
 * Code highlighted by shiki with the docs' themes, as React elements down to
 * the <code> and one HTML string inside it. A long block is thousands of token
 * spans; as elements, React would write each into the RSC payload and create
 * and hydrate each in the browser, though none is ever interactive.
 */
export async function highlight(code: string, { lang, tokens, pre, markLines }: HighlightOptions) {
  const hast = await codeToHast(code, {
    lang,
    themes: CODE_THEMES,
    // Nextra's stylesheet switches between --shiki-light and --shiki-dark.
    defaultColor: false,
    transformers: [...(markLines ? [{ line: (node: Element) => void (node.properties['data-line'] = '') }] : []), tokens.transformer],
  })
  const codeElement = (hast.children[0] as Element).children[0] as Element
  codeElement.children = [{ type: 'text', value: toHtml(codeElement.children) }]
  return toJsxRuntime(hast, { Fragment, jsx, jsxs, components: { code: TokensCode, ...(pre && { pre }) } })
}

/** The <code> of a highlighted block: its one child is the tokens' HTML, made above from shiki's output. */
function TokensCode({ children, ...props }: ComponentProps<'code'>) {
  return <code {...props} dangerouslySetInnerHTML={{ __html: String(children) }} />
}

/** The rules of the token classes used. React puts them in the <head>, once per page however many blocks use a class. */
export function TokenStyles({ tokens }: { tokens: TokenClasses }) {
  return [...tokens.rules].map(([name, rule]) => (
    <style key={name} href={name} precedence="default">
      {rule}
    </style>
  ))
}
