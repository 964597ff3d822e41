import type { ElementContent } from 'hast'
import type { ShikiTransformer } from 'shiki'
import { shortHash } from '@/site/lib/hash/short-hash'

/**
 * Shiki gives every token an inline style with its two theme colours, and a
 * code-heavy page shows thousands of tokens: the same few dozen style strings,
 * each written once in the HTML and again in the RSC payload. This turns each
 * distinct style into a short class, and drops it where the token has the
 * block's own text colour (it inherits that from the <pre>). The class names
 * come from the style, so every block on every page names a style the same way.
 */
export type TokenClasses = { transformer: ShikiTransformer; rules: Map<string, string> }

export function tokenClasses(): TokenClasses {
  const rules = new Map<string, string>()
  const transformer: ShikiTransformer = {
    // The <pre> hook runs last, with the lines and their tokens inside it.
    pre(pre) {
      const foreground = themeColors(String(pre.properties.style ?? ''))
      const visit = (node: ElementContent) => {
        if (node.type !== 'element') return
        const style = node.properties.style
        if (node.tagName === 'span' && typeof style === 'string') {
          delete node.properties.style
          if (style.toLowerCase() !== foreground) {
            const name = `sk-${shortHash(style)}`
            rules.set(name, `.${name}{${style}}`)
            this.addClassToHast(node, name)
          }
        }
        node.children.forEach(visit)
      }
      pre.children.forEach(visit)
    },
  }
  return { transformer, rules }
}

/** The --shiki-light and --shiki-dark declarations of a style, as a token's style has them. */
function themeColors(style: string) {
  return style
    .split(';')
    .filter((declaration) => /^--shiki-(light|dark):/.test(declaration))
    .join(';')
    .toLowerCase()
}
